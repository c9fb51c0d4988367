"""The cards both boards lay out: a change writes again only the cards whose words changed,
and leaves every card as it was otherwise (a page's marks included)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from screens.gathering_cards import Card, GatheringCards, Section


class Cards(App[None]):
    CSS_PATH = "../../screens/gathering_cards.tcss"

    def compose(self) -> ComposeResult:
        yield GatheringCards()


def who(*names: str) -> list[Section]:
    return [
        Section(
            "Who's here",
            (
                Card("topic:climbing", Content("climbing · 2\n" + ", ".join(names))),
                Card("heads-down", Content("Heads-down\nDee Dunn"), "quiet"),
            ),
        )
    ]


def texts(app: App[None]) -> list[str]:
    return [str(widget.render()) for widget in app.query(".card")]


async def test_a_change_of_words_writes_the_card_again_and_keeps_its_marks() -> None:
    app = Cards()
    async with app.run_test(size=(80, 24)) as pilot:
        cards = app.query_one(GatheringCards)
        await cards.show(who("Ana Alves", "Ben Berg"))
        await pilot.pause()
        climbing, quiet = app.query(".card")
        climbing.add_class("-off-page")  # as a paged board marks a card on another page
        # When Cy joins the climbers
        await cards.show(who("Ana Alves", "Ben Berg", "Cy Chen"))
        await pilot.pause()
        # Then the same card says so, still marked, and the other card is untouched
        assert list(app.query(".card")) == [climbing, quiet]
        assert texts(app) == ["climbing · 2\nAna Alves, Ben Berg, Cy Chen", "Heads-down\nDee Dunn"]
        assert climbing.has_class("-off-page", "card")
        assert quiet.has_class("quiet")


async def test_a_card_that_comes_or_goes_leaves_the_others_where_they_are() -> None:
    app = Cards()
    async with app.run_test(size=(80, 24)) as pilot:
        # Given the climbers and the heads-down card
        cards = app.query_one(GatheringCards)
        await cards.show(who("Ana Alves", "Ben Berg"))
        await pilot.pause()
        climbing, quiet = app.query(".card")
        quiet.add_class("-off-page")  # as a paged board marks a card on another page
        # When Eve comes, open to chat, and her card goes between them
        [here] = who("Ana Alves", "Ben Berg")
        eve = Card("open", Content("Open to chat\nEve Eng"))
        await cards.show([Section(here.title, (here.cards[0], eve, here.cards[1]))])
        await pilot.pause()
        # Then it is put in its place, and the two cards there are the same as before
        climbing_still, open_card, quiet_still = app.query(".card")
        assert (climbing_still, quiet_still) == (climbing, quiet)
        assert texts(app) == [
            "climbing · 2\nAna Alves, Ben Berg",
            "Open to chat\nEve Eng",
            "Heads-down\nDee Dunn",
        ]
        assert quiet.has_class("-off-page")
        # And when the climbers leave, their card goes and the rest stay
        await cards.show([Section(here.title, (eve, here.cards[1]))])
        await pilot.pause()
        assert list(app.query(".card")) == [open_card, quiet]
        assert texts(app) == ["Open to chat\nEve Eng", "Heads-down\nDee Dunn"]
