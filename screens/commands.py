"""Every command of the kiosk, declared once: its keys, its footer label and its help.

A screen lists the commands it offers (`BINDINGS = [Back.binding()]`) and has an
`action_<name>` method for each. Every binding carries the command's id, so a kiosk can
move a command to other keys with Textual's keymap.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual.binding import Binding


class Command:
    """One command; subclasses set the class variables."""

    KEYS: ClassVar[str]
    """Comma-separated keys, as Textual names them."""
    LABEL: ClassVar[str]
    """What the footer calls it."""
    HELP: ClassVar[str]
    """One sentence for a person wondering what the key does."""
    ACTION: ClassVar[str] = ""
    """The action it runs; the command's name in snake case when empty."""
    KEY_DISPLAY: ClassVar[str | None] = None
    SHOW: ClassVar[bool] = True
    PRIORITY: ClassVar[bool] = False
    """Runs before the focused widget sees the key."""

    @classmethod
    def command_id(cls) -> str:
        """The command's name in kebab case, like 'write-shout-out'."""
        return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()

    @classmethod
    def binding(cls) -> Binding:
        action = cls.ACTION or cls.command_id().replace("-", "_")
        return Binding(
            cls.KEYS,
            action,
            cls.LABEL,
            show=cls.SHOW,
            key_display=cls.KEY_DISPLAY,
            priority=cls.PRIORITY,
            tooltip=cls.HELP,
            id=cls.command_id(),
        )


# -- everywhere -----------------------------------------------------------------------


class Quit(Command):
    KEYS = "ctrl+q,ctrl+c"
    LABEL = "Quit"
    HELP = "Quit the kiosk; a host PIN is needed unless the kiosk runs unlocked."
    ACTION = "request_quit"
    SHOW = False
    PRIORITY = True


class ShowKeys(Command):
    KEYS = "f1"
    LABEL = "Keys"
    HELP = "The keys of this screen and what each does."
    # Heard in a field too, where F1 types nothing.
    PRIORITY = True


class CloseKeys(Command):
    KEYS = "escape,f1"
    LABEL = "Close"
    HELP = "Back to the screen these keys are for."


class Back(Command):
    KEYS = "escape"
    LABEL = "Back"
    HELP = "Back to where you came from."


class Cancel(Command):
    KEYS = "escape"
    LABEL = "Cancel"
    HELP = "Leave without saving."
    ACTION = "back"


# -- home -----------------------------------------------------------------------------


class ClearSearch(Command):
    KEYS = "escape"
    LABEL = "Clear"
    HELP = "Forget what was typed."


class NextMatch(Command):
    KEYS = "down"
    LABEL = "Next"
    HELP = "Highlight the next name found."
    ACTION = "move(1)"
    SHOW = False


class PreviousMatch(Command):
    KEYS = "up"
    LABEL = "Previous"
    HELP = "Highlight the previous name found."
    ACTION = "move(-1)"
    SHOW = False


class NextPage(Command):
    KEYS = "pagedown"
    LABEL = "Next page"
    HELP = "Show the next page of the list."
    ACTION = "page(1)"
    KEY_DISPLAY = "PgDn"


class PreviousPage(Command):
    KEYS = "pageup"
    LABEL = "Previous page"
    HELP = "Show the previous page of the list."
    ACTION = "page(-1)"
    KEY_DISPLAY = "PgUp"


class Board(Command):
    KEYS = "f2"
    LABEL = "Who's here"
    HELP = "Everyone here now, and what they are open to chatting about."


class Wall(Command):
    KEYS = "f3"
    LABEL = "Shout-outs"
    HELP = "Every shout-out, newest first."


class Register(Command):
    KEYS = "f4"
    LABEL = "New here?"
    HELP = "Register as a new member."


class ShowCodes(Command):
    KEYS = "f6"
    LABEL = "QR codes"
    HELP = "Show the codes that join the Wi-Fi and our chat from a phone."


class NextCode(Command):
    KEYS = "f6"
    LABEL = "Next code"
    HELP = "Show the next code, where the screen has room for one at a time."


class HideCodes(Command):
    KEYS = "f6"
    LABEL = "Hide codes"
    HELP = "Back to who is here and the latest shout-outs."


class FinishRegistration(Command):
    KEYS = "enter"
    LABEL = "Register"
    HELP = "Register with the name, topics and board choice given."
    ACTION = "register"
    KEY_DISPLAY = "⏎"


# -- a member's screen and the confirmation ---------------------------------------------


class CheckIn(Command):
    KEYS = "enter"
    LABEL = "Check in"
    HELP = "Check in with the status and topics chosen."
    KEY_DISPLAY = "⏎"
    # Enter wins over the status and topic lists (Space ticks those), so it always does
    # the primary action, unless a button has focus: then it presses that one.
    PRIORITY = True


class CheckOut(Command):
    KEYS = "enter"
    LABEL = "Check out"
    HELP = "Check out; see you soon."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class SaveToday(Command):
    KEYS = "enter"
    LABEL = "Save changes"
    HELP = "Keep today's new status and topics; you stay checked in."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class WriteShoutOut(Command):
    KEYS = "ctrl+s"
    LABEL = "Write a shout-out"
    HELP = "Thank someone, or say something to everyone."
    ACTION = "shoutout"


class PostShoutOut(Command):
    KEYS = "enter"
    LABEL = "Post"
    HELP = "Post the shout-out on the wall."
    ACTION = "post"
    KEY_DISPLAY = "⏎"
    # Before the message box, where Enter would start a new line.
    PRIORITY = True


class BringGuest(Command):
    KEYS = "ctrl+g"
    LABEL = "Bring a guest"
    HELP = "Sign in a guest who came with you; they leave when you check out."


class Done(Command):
    KEYS = "enter,escape"
    LABEL = "Done"
    HELP = "Back to the start, for the next person."
    KEY_DISPLAY = "⏎"


class KeepOpen(Command):
    KEYS = "space"
    LABEL = "Keep open"
    HELP = "Stop the countdown, to read at leisure."
    KEY_DISPLAY = "space"


class ReadOn(Command):
    KEYS = "down"
    LABEL = "Read on"
    HELP = "Scroll down to read the rest; the welcome then waits for you."
    ACTION = "read(1)"
    KEY_DISPLAY = "↓"


class ReadBack(Command):
    KEYS = "up"
    LABEL = "Read back"
    HELP = "Scroll back up."
    ACTION = "read(-1)"
    SHOW = False


class PageOn(Command):
    KEYS = "pagedown"
    LABEL = "Page down"
    HELP = "Scroll down a screenful."
    ACTION = "read_page(1)"
    SHOW = False


class PageBack(Command):
    KEYS = "pageup"
    LABEL = "Page up"
    HELP = "Scroll back up a screenful."
    ACTION = "read_page(-1)"
    SHOW = False


class AddTopic(Command):
    KEYS = "enter"
    LABEL = "Add topic"
    HELP = "Add the topic typed, or the suggestion chosen, to today's topics."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class MyProfile(Command):
    KEYS = "f6"
    LABEL = "My profile"
    HELP = "See and change your profile, your visits and your PIN, or delete your data."
    ACTION = "profile"


# -- a member's own profile -------------------------------------------------------------


class SaveProfile(Command):
    KEYS = "ctrl+s"
    LABEL = "Save"
    HELP = "Keep the profile as it is now on the screen."
    PRIORITY = True


class ShareAnswer(Command):
    KEYS = "enter"
    LABEL = "Share answer"
    HELP = "Share your answer to the question of the week on the board."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class SkipQuestion(Command):
    KEYS = "escape"
    LABEL = "Skip"
    HELP = "Leave the question of the week unanswered."


class AnswerQuestion(Command):
    KEYS = "tab"
    LABEL = "Answer"
    HELP = "Answer the question of the week in one line."


# -- the host console -----------------------------------------------------------------


class OpenHostConsole(Command):
    KEYS = "f9"
    LABEL = "Host"
    HELP = "The host console: who is here, members, shout-outs, stats; asks for the host PIN."


class LeaveConsole(Command):
    KEYS = "escape"
    LABEL = "Leave"
    HELP = "End the host session and go back to home for the next person."


class ShowHere(Command):
    KEYS = "f2"
    LABEL = "Here now"
    HELP = "Everyone here, incognito members and guests included."
    ACTION = "show_tab('here')"
    SHOW = False


class ShowMembers(Command):
    KEYS = "f3"
    LABEL = "Members"
    HELP = "Find, add, edit, pause and merge members, and issue badges."
    ACTION = "show_tab('members')"
    SHOW = False


class ShowShoutouts(Command):
    KEYS = "f4"
    LABEL = "Shout-outs"
    HELP = "Every shout-out, hidden ones too: hide or restore them."
    ACTION = "show_tab('shoutouts')"
    SHOW = False


class ShowQuestion(Command):
    KEYS = "f5"
    LABEL = "Question"
    HELP = "Set or clear the question of the week."
    ACTION = "show_tab('question')"
    SHOW = False


class ShowStats(Command):
    KEYS = "f6"
    LABEL = "Stats"
    HELP = "Attendance in figures and charts."
    ACTION = "show_tab('stats')"
    SHOW = False


class CheckOutPerson(Command):
    KEYS = "enter"
    LABEL = "Check out"
    HELP = "Check out the person highlighted (with the guests they signed in), after asking."
    KEY_DISPLAY = "⏎"
    # Before the table, which would only select the row.
    PRIORITY = True


class CheckOutEveryone(Command):
    KEYS = "ctrl+o"
    LABEL = "Everyone out"
    HELP = "Check out everyone here, after asking to be sure."


class SortBoard(Command):
    KEYS = "ctrl+s"
    LABEL = "Sort"
    HELP = "Sort who is here by arrival or by name."


class EditMember(Command):
    KEYS = "enter"
    LABEL = "Open"
    HELP = "Open the highlighted member, to edit, pause, merge or issue a badge."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class AddMember(Command):
    KEYS = "ctrl+n"
    LABEL = "Add member"
    HELP = "Add a new member."


class HideOrRestore(Command):
    KEYS = "enter"
    LABEL = "Hide / restore"
    HELP = "Hide the highlighted shout-out from every public screen, or bring it back."
    KEY_DISPLAY = "⏎"
    PRIORITY = True


class Save(Command):
    KEYS = "ctrl+s"
    LABEL = "Save"
    HELP = "Keep the changes."
    PRIORITY = True
