"""Short hand-written articles that imitate the kinds of noise found in real scrapes.

Each fixture lists the article lines that must survive and the boilerplate lines that must not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fixture:
    name: str
    text: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]


P1 = "The harbour authority said on Tuesday that the ferry service would resume next month after repairs to the pier were finished."
P2 = "“We expect the first crossings to run before the end of the summer,” the authority’s director, Jane Holm, told reporters at the quay."
P3 = "Local traders have complained for months that the closure cut their takings by about a third, according to a survey by the chamber of commerce."
P4 = "The regional government has promised to cover part of the repair bill, which engineers estimate at 4 million euros."
P5 = "Critics say the pier was neglected for a decade and that warnings from inspectors in 2019 were ignored by the previous council."

TIMES_LIKE = Fixture(
    "paywall, captions, live blog",
    "\n".join([
        "We couldn't take your payment",
        "Please update your payment details in My Account to keep your subscription.",
        "Video Icon",
        "VIDEO",
        "",
        "Ferry service to restart after pier repairs",
        "",
        "Traders welcome the news as repairs near completion",
        "",
        "Workers repair the damaged pier on Monday",
        "Workers repair the damaged pier on Monday",
        "ANNA BERG/NORDPHOTO",
        "The Daily Example",
        "",
        P1,
        "",
        "Ferry restart: what it means for the islands — follow live",
        "",
        P2,
        "",
        "Advertisement",
        "",
        P3,
        "",
        "Island bakery doubles its orders as visitors return",
        "",
        P4,
        "",
        "4.15pm",
        "June 3",
        "",
        "Council answers critics",
        "",
        P5,
        "",
        "2.05pm",
        "June 3",
        "",
        "Repairs on schedule, says engineer",
        "",
        P3,
        "",
        "The chief engineer said the last concrete sections were poured this morning and would cure within a week.",
    ]),
    keep=("Ferry service to restart after pier repairs", "Traders welcome the news as repairs near completion",
          P1, P2, P3, P4, P5, "Council answers critics", "Repairs on schedule, says engineer",
          "The chief engineer said the last concrete sections were poured this morning and would cure within a week."),
    drop=("We couldn't take your payment", "Please update your payment details", "Video Icon", "VIDEO",
          "Workers repair the damaged pier on Monday", "ANNA BERG/NORDPHOTO", "The Daily Example",
          "follow live", "Advertisement", "Island bakery doubles its orders", "4.15pm", "June 3"),
)

BIO_LIKE = Fixture(
    "byline and author bio at the end",
    "\n\n".join([
        "Harbour town waits for its ferry",
        "Repairs are nearly done, officials say",
        P1, P2, P3, P4,
        "Maria Lind",
        "Maria Lind",
        "Maria Lind is a correspondent for The Coastal Herald in northern Europe",
    ]),
    keep=("Harbour town waits for its ferry", "Repairs are nearly done, officials say", P1, P2, P3, P4),
    drop=("Maria Lind", "correspondent for The Coastal Herald"),
)

DATE_CAPTION_LIKE = Fixture(
    "leading date line and suffix-credit captions",
    "\n\n".join([
        " date 2023-06-03 The director of the harbour authority speaks at the quay - Nordphoto",
        P1, P2,
        "A ferry waits at the damaged pier in May - Anna Berg/via NORDPHOTO",
        P3,
        "An islander who runs a café on the quay told The Coastal Herald that business had halved since the closure.",
        P4, P5,
    ]),
    keep=(P1, P2, P3, P4, P5, "An islander who runs a café on the quay told The Coastal Herald"),
    drop=("date 2023-06-03", "speaks at the quay - Nordphoto", "A ferry waits at the damaged pier", "via NORDPHOTO"),
)

CMS_LIKE = Fixture(
    "WordPress tail with a foreign-language comment form",
    "\n\n".join([
        "Island Ferry: Service to Resume After Long Closure",
        P1, P2, P3, P4, P5,
        "Erik Sand contributed reporting.",
        "About admin",
        "Check Also",
        "Mountain Road Reopens After Landslide",
        "The road linking the two valleys was closed for three weeks after heavy rain, …",
        "Deja una respuesta",
        "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
        "Recent Comments",
        "No hay comentarios que mostrar.",
    ]),
    keep=("Island Ferry: Service to Resume After Long Closure", P1, P2, P3, P4, P5, "Erik Sand contributed reporting."),
    drop=("About admin", "Check Also", "Mountain Road Reopens", "The road linking the two valleys", "Deja una respuesta",
          "Tu dirección", "Recent Comments", "No hay comentarios"),
)

WIDGET_LIKE = Fixture(
    "byline, dateline, comment widgets and a related link",
    "\n".join([
        "Ferry service to resume next month, harbour authority says",
        "",
        "Traders say the closure cost them a third of their takings, reports the local chamber",
        "",
        "Tom Vik",
        "Tuesday 03 June 2023 10:30 BST",
        "Comments",
        "Related: Storm damage closes island pier",
        "",
        P1, "", P2, "", P3, "", P4, "", P5, "",
        "Join our commenting forum",
        "",
        "Join lively conversations, follow other readers and see their replies",
        "",
        "Comments",
        "",
        "Thank you for registering",
        "",
        "Please refresh the page or navigate to another page on the site to be automatically logged in",
    ]),
    keep=("Ferry service to resume next month, harbour authority says",
          "Traders say the closure cost them a third of their takings", P1, P2, P3, P4, P5),
    drop=("Tom Vik", "Tuesday 03 June 2023", "Comments", "Related:", "Join our commenting forum",
          "Join lively conversations", "Thank you for registering", "Please refresh the page"),
)

ALL = (TIMES_LIKE, BIO_LIKE, DATE_CAPTION_LIKE, CMS_LIKE, WIDGET_LIKE)
