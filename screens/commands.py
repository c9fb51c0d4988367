"""Every command of the kiosk, declared once: its keys, its footer label and its help.

A screen lists the commands it offers (`BINDINGS = [BACK, ...]`) and has an
`action_<name>` method for each. Every binding carries the command's id, so a kiosk can
move a command to other keys with Textual's keymap. Labels and help are written in
English and marked for the catalogs; a screen shows them in the language speaking by
mixing in `KeysInLanguage`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from kiosk.language import N_, gettext

if TYPE_CHECKING:
    _Screen = Screen[Any]
else:
    _Screen = object


def command(
    command_id: str,
    keys: str,
    label: str,
    help_text: str,
    *,
    action: str = "",
    key_display: str | None = None,
    show: bool = True,
    priority: bool = False,
) -> Binding:
    """The binding of one command.

    `command_id` names it in kebab case, like 'write-shout-out'; `keys` are
    comma-separated, as Textual names them; `label` is what the footer calls it and
    `help_text` one sentence for a person wondering what the key does (F1 lists it). The
    action it runs is the id in snake case unless `action` is given; `show` puts it in
    the footer, and `priority` runs it before the focused widget sees the key.
    """
    return Binding(
        keys,
        action or command_id.replace("-", "_"),
        label,
        show=show,
        key_display=key_display,
        priority=priority,
        tooltip=help_text,
        id=command_id,
    )


class KeysInLanguage(_Screen):
    """Mixed into a screen, before Textual's screen class: its keys' labels and help, in
    the footer and on the keys screen, in the language speaking when they are shown."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return {
            key: ActiveBinding(
                active.node,
                replace(
                    active.binding,
                    description=gettext(active.binding.description),
                    tooltip=gettext(active.binding.tooltip),
                ),
                active.enabled,
                gettext(active.tooltip),
            )
            for key, active in super().active_bindings.items()
        }


# -- everywhere -----------------------------------------------------------------------

QUIT = command(
    "quit",
    "ctrl+q,ctrl+c",
    N_("Quit"),
    N_("Quit the kiosk; a host PIN is needed unless the kiosk runs unlocked."),
    action="request_quit",
    show=False,
    priority=True,
)
# Heard in a field too, where F1 types nothing.
SHOW_KEYS = command(
    "show-keys", "f1", N_("Keys"), N_("The keys of this screen and what each does."), priority=True
)
CLOSE_KEYS = command(
    "close-keys", "escape,f1", N_("Close"), N_("Back to the screen these keys are for.")
)
BACK = command("back", "escape", N_("Back"), N_("Back to where you came from."))
CANCEL = command("cancel", "escape", N_("Cancel"), N_("Leave without saving."), action="back")
DECLINE = command(
    "decline", "escape", N_("I do not agree"), N_("Decline the agreement: you are not checked in.")
)
AGREE = command("agree", "f2", N_("I agree"), N_("Agree to it and go on checking in."))

# -- home -----------------------------------------------------------------------------

CLEAR_SEARCH = command("clear-search", "escape", N_("Clear"), N_("Forget what was typed."))
NEXT_MATCH = command(
    "next-match",
    "down",
    N_("Next"),
    N_("Highlight the next name found."),
    action="move(1)",
    show=False,
)
PREVIOUS_MATCH = command(
    "previous-match",
    "up",
    N_("Previous"),
    N_("Highlight the previous name found."),
    action="move(-1)",
    show=False,
)
NEXT_PAGE = command(
    "next-page",
    "pagedown",
    N_("Next page"),
    N_("Show the next page of the list."),
    action="page(1)",
    key_display="PgDn",
)
PREVIOUS_PAGE = command(
    "previous-page",
    "pageup",
    N_("Previous page"),
    N_("Show the previous page of the list."),
    action="page(-1)",
    key_display="PgUp",
)
BOARD = command(
    "board",
    "f2",
    N_("Who's here"),
    N_("Everyone here now, and what they are open to chatting about."),
)
WALL = command("wall", "f3", N_("Shout-outs"), N_("Every shout-out, newest first."))
REGISTER = command("register", "f4", N_("New here?"), N_("Register as a new member."))
# Shown on home's row of languages, each by its own name, rather than in the footer.
NEXT_LANGUAGE = command(
    "next-language",
    "f8",
    N_("Language"),
    N_("Speak the next of the kiosk's languages; the kiosk keeps your choice."),
    show=False,
)
SHOW_CODES = command(
    "show-codes",
    "f6",
    N_("QR codes"),
    N_("Show the codes that join the Wi-Fi and our chat from a phone."),
)
NEXT_CODE = command(
    "next-code",
    "f6",
    N_("Next code"),
    N_("Show the next code, where the screen has room for one at a time."),
)
HIDE_CODES = command(
    "hide-codes", "f6", N_("Hide codes"), N_("Back to who is here and the latest shout-outs.")
)
FINISH_REGISTRATION = command(
    "finish-registration",
    "enter",
    N_("Register"),
    N_("Register with the name, topics and board choice given."),
    action="register",
    key_display="⏎",
)

# -- the board (F2) ----------------------------------------------------------------------

SCROLL_BOARD = command(
    "scroll-board",
    "down",
    N_("Down"),
    N_("Move down the board a line; ↑ moves back up."),
    action="scroll_down",
    show=False,
)
PAGE_BOARD = command(
    "page-board",
    "pagedown",
    N_("Page down"),
    N_("Move down the board a screenful; PageUp moves back up."),
    action="page_down",
    key_display="PgDn",
    show=False,
)

# -- a member's screen and the confirmation ---------------------------------------------

# Enter wins over the status and topic lists (Space ticks those), so it always does
# the primary action, unless a button has focus: then it presses that one.
CHECK_IN = command(
    "check-in",
    "enter",
    N_("Check in"),
    N_("Check in with the status and topics chosen."),
    key_display="⏎",
    priority=True,
)
CHECK_OUT = command(
    "check-out",
    "enter",
    N_("Check out"),
    N_("Check out; see you soon."),
    key_display="⏎",
    priority=True,
)
SAVE_TODAY = command(
    "save-today",
    "enter",
    N_("Save changes"),
    N_("Keep today's new status and topics; you stay checked in."),
    key_display="⏎",
    priority=True,
)
WRITE_SHOUT_OUT = command(
    "write-shout-out",
    "ctrl+s",
    N_("Write a shout-out"),
    N_("Thank someone, or say something to everyone."),
    action="shoutout",
)
# Before the message box, where Enter would start a new line.
POST_SHOUT_OUT = command(
    "post-shout-out",
    "enter",
    N_("Post"),
    N_("Post the shout-out on the wall."),
    action="post",
    key_display="⏎",
    priority=True,
)
BRING_GUEST = command(
    "bring-guest",
    "ctrl+g",
    N_("Bring a guest"),
    N_("Sign in a guest who came with you; they leave when you check out."),
)
DONE = command(
    "done",
    "enter,escape",
    N_("Done"),
    N_("Back to the start, for the next person."),
    key_display="⏎",
)
KEEP_OPEN = command(
    "keep-open",
    "space",
    N_("Keep open"),
    N_("Stop the countdown, to read at leisure."),
    key_display="space",
)
READ_ON = command(
    "read-on",
    "down",
    N_("Read on"),
    N_("Scroll down to read the rest; the welcome then waits for you."),
    action="read(1)",
    key_display="↓",
)
READ_BACK = command(
    "read-back", "up", N_("Read back"), N_("Scroll back up."), action="read(-1)", show=False
)
PAGE_ON = command(
    "page-on",
    "pagedown",
    N_("Page down"),
    N_("Scroll down a screenful."),
    action="read_page(1)",
    show=False,
)
PAGE_BACK = command(
    "page-back",
    "pageup",
    N_("Page up"),
    N_("Scroll back up a screenful."),
    action="read_page(-1)",
    show=False,
)
ADD_TOPIC = command(
    "add-topic",
    "enter",
    N_("Add topic"),
    N_("Add the topic typed, or the suggestion chosen, to today's topics."),
    key_display="⏎",
    priority=True,
)
MY_PROFILE = command(
    "my-profile",
    "f6",
    N_("My profile"),
    N_("See and change your profile, your visits and your PIN, or delete your data."),
    action="profile",
)

# -- a member's own profile -------------------------------------------------------------

SAVE_PROFILE = command(
    "save-profile",
    "ctrl+s",
    N_("Save"),
    N_("Keep the profile as it is now on the screen."),
    priority=True,
)
SHARE_ANSWER = command(
    "share-answer",
    "enter",
    N_("Share answer"),
    N_("Share your answer to the question of the week on the board."),
    key_display="⏎",
    priority=True,
)
SKIP_QUESTION = command(
    "skip-question", "escape", N_("Skip"), N_("Leave the question of the week unanswered.")
)
HERE_FOR_EVENT = command(
    "here-for-event",
    "f5",
    N_("Here for it"),
    N_("Say you came for the event on now; it is kept with your visit."),
)
ANSWER_QUESTION = command(
    "answer-question", "tab", N_("Answer"), N_("Answer the question of the week in one line.")
)

# -- the host console -----------------------------------------------------------------

OPEN_HOST_CONSOLE = command(
    "open-host-console",
    "f9",
    N_("Host"),
    N_("The host console: who is here, members, shout-outs, stats; asks for the host PIN."),
)
LEAVE_CONSOLE = command(
    "leave-console",
    "escape",
    N_("Leave"),
    N_("End the host session and go back to home for the next person."),
)
SHOW_HERE = command(
    "show-here",
    "f2",
    N_("Here now"),
    N_("Everyone here, incognito members and guests included."),
    action="show_tab('here')",
    show=False,
)
SHOW_MEMBERS = command(
    "show-members",
    "f3",
    N_("Members"),
    N_("Find, add, edit, pause and merge members, and issue badges."),
    action="show_tab('members')",
    show=False,
)
SHOW_SHOUTOUTS = command(
    "show-shoutouts",
    "f4",
    N_("Shout-outs"),
    N_("Every shout-out, hidden ones too: hide or restore them."),
    action="show_tab('shoutouts')",
    show=False,
)
SHOW_QUESTION = command(
    "show-question",
    "f5",
    N_("Question"),
    N_("Set or clear the question of the week."),
    action="show_tab('question')",
    show=False,
)
SHOW_STATS = command(
    "show-stats",
    "f6",
    N_("Stats"),
    N_("Attendance in figures and charts."),
    action="show_tab('stats')",
    show=False,
)
SHOW_ROLL_CALL = command(
    "show-roll-call",
    "f7",
    N_("Roll call"),
    N_("Everyone in the building now, incognito members too, to tick off in an emergency."),
    action="show_tab('roll-call')",
    show=False,
)
SHOW_AGREEMENTS = command(
    "show-agreements",
    "f8",
    N_("Agreements"),
    N_("The house's agreements, and the active members who have not accepted each."),
    action="show_tab('agreements')",
    show=False,
)
# These are bindings of their tables, as a second tap on a row is, never priority
# bindings: a priority binding is taken before the keys typed just ahead of it (↓ ↓ ⏎
# in a burst would act on the row the cursor left).
TICK_OFF = command(
    "tick-off",
    "enter,space",
    N_("Tick off"),
    N_(
        "Mark the person highlighted (or tapped twice) as accounted for, or not; every "
        "kiosk sees it at once."
    ),
    action="select_cursor",
    key_display="⏎",
)
REMOVE_INDUCTION = command(
    "remove-induction",
    "enter",
    N_("Remove"),
    N_("Remove the highlighted induction (or the one tapped twice), after asking."),
    action="select_cursor",
    key_display="⏎",
)
REMOVE_EVENT = command(
    "remove-event",
    "enter",
    N_("Remove"),
    N_("Remove the highlighted event added here (or the one tapped twice), after asking."),
    action="select_cursor",
    key_display="⏎",
)
CHECK_OUT_PERSON = command(
    "check-out-person",
    "enter",
    N_("Check out"),
    N_("Check out the person highlighted (with the guests they signed in), after asking."),
    action="select_cursor",
    key_display="⏎",
)
CHECK_OUT_EVERYONE = command(
    "check-out-everyone",
    "ctrl+o",
    N_("Everyone out"),
    N_("Check out everyone here, after asking to be sure."),
)
SORT_BOARD = command(
    "sort-board", "ctrl+s", N_("Sort"), N_("Sort who is here by arrival or by name.")
)
SHOW_EVENTS = command(
    "show-events",
    "ctrl+e",
    N_("Events"),
    N_("The events of today and the next 7 days, to add one or remove one."),
)
EDIT_MEMBER = command(
    "edit-member",
    "enter",
    N_("Open"),
    N_("Open the highlighted member, to edit, pause, merge or issue a badge."),
    key_display="⏎",
    priority=True,
)
ADD_MEMBER = command("add-member", "ctrl+n", N_("Add member"), N_("Add a new member."))
HIDE_OR_RESTORE = command(
    "hide-or-restore",
    "enter",
    N_("Hide / restore"),
    N_("Hide the highlighted shout-out from every public screen, or bring it back."),
    key_display="⏎",
    priority=True,
)
SAVE = command("save", "ctrl+s", N_("Save"), N_("Keep the changes."), priority=True)
