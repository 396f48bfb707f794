"""Danger routing in every language: every danger question shows help, no ordinary question does."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_guide.ask.evaluation import DEV_PARTS, ROUTES, read
from parent_guide.ask.search import danger_kinds
from parent_guide.config import PROJECT_ROOT

EVAL = PROJECT_ROOT / "tests" / "ask" / "eval"
# Every extra danger list (each written before its language's patterns), every
# tuning set's danger questions and every development set's (each written blind,
# many with indirect ways of saying it), each file that has any: the parts come from DEV_PARTS.
DANGER_FILES = tuple(
    name
    for name in (
        *sorted(p.name for p in EVAL.glob("extra-danger-*.toml")),
        *sorted(p.name for p in EVAL.glob("tuning-*.toml")),
        *(name for part in DEV_PARTS for name in sorted(p.name for p in EVAL.glob(f"{part}-*.toml"))),
    )
    if read(EVAL / name).get("danger")
)
# The sets whose ordinary questions must not be taken for danger: tuning and every
# development part but the first and third (written before this check, some of
# their questions tell of harm without being labelled so).
ORDINARY_FILES = sorted(p.name for p in EVAL.glob("tuning-*.toml")) + [
    name for part in DEV_PARTS if part not in ("dev", "dev3") for name in sorted(p.name for p in EVAL.glob(f"{part}-*.toml"))
]


def test_every_language_has_an_extra_danger_list() -> None:
    """Verify each language with questions has its own danger list of at least 30, across all three routes."""
    for code in ("en", "cy", "pl", "ro", "ur", "ar"):
        items = read(EVAL / f"extra-danger-{code}.toml")["danger"]
        assert len(items) >= 30, code
        assert {item["route"] for item in items} == set(ROUTES), code


def test_extra_danger_list_is_large_and_covers_every_route() -> None:
    """Verify the extra list holds at least 60 questions across all three routes."""
    items = read(EVAL / "extra-danger-en.toml")["danger"]
    assert len(items) >= 60
    assert {item["route"] for item in items} == set(ROUTES)


@pytest.mark.parametrize("name", DANGER_FILES)
def test_danger_questions_route_to_their_help_line(app: Flask, name: str) -> None:
    """Verify each danger question of a file (extra lists, tuning and development sets) is routed to its help line.

    One test a file, listing every question missed, so a failure shows them all.
    """
    searcher = app.extensions["parent_guide.ask"]
    items = read(EVAL / name).get("danger", [])
    missed = [
        (item["q"], item["route"])
        for item in items
        if ROUTES[item["route"]] not in danger_kinds(item["q"], searcher.locales, searcher.danger_model)
    ]
    assert missed == []


@pytest.mark.parametrize("name", ORDINARY_FILES)
def test_ordinary_tuning_questions_are_not_routed_to_danger(app: Flask, name: str) -> None:
    """Verify no answerable or off-topic question of the tuning and later development sets is taken for danger.

    A question that tells of harm (past abuse by someone who will be at the
    meeting, the bruise the conference is about) is labelled answerable and
    shows a help line as well, since a wrong match costs little: those are
    named below, and their answer must still follow the help line.
    """
    searcher = app.extensions["parent_guide.ask"]
    data = read(EVAL / name)
    questions = [item["q"] for item in data["answerable"]] + list(data.get("off_topic", []))
    routed = [q for q in questions if danger_kinds(q, searcher.locales, searcher.danger_model) and q not in TELLS_OF_HARM]
    assert routed == []
    for question, entry in TELLS_OF_HARM.items():
        if question in questions:
            outcome = searcher.ask(question, data["locale"])
            assert outcome.danger and entry in [m.entry_id for m in outcome.matches], question


# Answerable questions that tell of harm: a help line first, then the answer.
TELLS_OF_HARM = {
    "my ex who used to beat me up is gonna be at the conference, i cant be in same room as him": "ex-will-be-there",
    "طليقي كان يضربني ورح يكون قاعد بنفس الغرفة، أنا مرعوبة": "ex-will-be-there",
    "شوہر مجھے مارتا تھا، اب میں اس سے الگ ہوں لیکن رپورٹ میں لکھا ہے کہ میں نے بچوں کو نہیں بچایا، کیا سارا الزام مجھ پر ڈال دیں گے": "blamed-for-the-abuse",
    "is there a helpline for women getting out of a violent relationship": "domestic-abuse-help",
    "fostul ma batea si acum zic ca eu n-am protejat copiii, adica e vina mea??": "blamed-for-the-abuse",
    "they've written failure to protect but he was the one beating me, how is that on me": "blamed-for-the-abuse",
    "imi zic ca e vina mea ca n-am protejat copiii de el, dar el ma batea pe mine": "blamed-for-the-abuse",
    # he hit her when they lived together, and now the social worker says she did not protect the children
    "el ma batea cand stateam impreuna si acum social worker-ul zice ca eu n-am protejat copiii. eu sunt vinovata??": "blamed-for-the-abuse",
    "ma nhw'n deud mod i wedi methu amddiffyn y plant ond fo oedd yn brifo fi": "blamed-for-the-abuse",
    # he used to hit her, and now she is told she did not protect the children (Roman Urdu)
    "wo mujhe maarta tha, ab social wale keh rahe hain maine bachon ko bachaya nahi, kya ulta mujhe hi qusoorwar manenge": "blamed-for-the-abuse",
    # she has left him; he used to hit her, and she asks if she will be blamed for not protecting the children (Roman Urdu)
    "ab to alag ho gayi hun, par kya wo kahenge k mai ne bachon ko bachaya nahi jab wo mujhe marta tha": "blamed-for-the-abuse",
    # afraid of the ex who will be at the meeting
    "fostul meu o sa fie acolo si mi-e frica de el": "ex-will-be-there",
    "fostul meu vine si el si mi-e frica de el": "ex-will-be-there",
    # a Polish ex-partner who hit her, at the conference; the children saw him hit her, and she is blamed
    "były partner który mnie bił też ma być na konferencji, trzęsę się na samą myśl": "ex-will-be-there",
    "teraz mowia ze to moja wina ze dzieci widzialy jak on mnie bil, czy tak moga": "blamed-for-the-abuse",
    "moj ex co mnie kiedys bil bedzie na tej konferencji, nie chce z nim siedziec w jednym pokoju, jestem przerazona": "ex-will-be-there",
    # the bruise on the little one's leg the conference is about
    "fi'n becso'n ofnadwy bydd yr heddlu'n mynd a fi lawr i'r stesion ar ol y meeting achos y clais ar goes y bychan, ydy pobl yn cael eu charjo ar ol cynhadledd fel hyn": "can-i-be-arrested",
    "fydd y cyn-gariad yna? fo nath fy mrifo i llynedd a dwi ddim isio bod yn yr un stafell a fo": "ex-will-be-there",
    # the ex-partner who hurt her last year will be in the same room (Welsh)
    "fydd y cyn-bartner yn yr un stafell? nath o fy mrifo fi llynedd a dwi'n crynu jyst yn meddwl amdano fo": "ex-will-be-there",
    # an ex who used to beat her will be at the meeting; help after domestic abuse, for a mother still shaken by it
    "my ex is going to be there and he used to beat me, im terrified of being in the same room as him again": "ex-will-be-there",
    "is there anyone who helps women whove been through domestic abuse, we split up last year but im still a mess": "domestic-abuse-help",
    # her former husband hit her, and now the social worker says she did not protect the children (Urdu)
    "میرے سابقہ شوہر نے مجھے مارا تھا، اب ہم الگ ہیں، لیکن سوشل ورکر کہتی ہے میں نے بچوں کو نہیں بچایا، کیا قصور میرا ہے؟": "blamed-for-the-abuse",
    # he hit her when they lived together, and she asks if she will be blamed for not protecting the children
    "o sa zica ca e vina mea ca nu i-am aparat pe copii de el cand ma batea? acum nu mai stau cu el": "blamed-for-the-abuse",
    # she left a violent man last year and asks where to find help and counselling for herself
    "am plecat de la un barbat violent anul trecut, unde gasesc ajutor si consiliere pentru mine": "domestic-abuse-help",
    # a 15-year-old run by a gang (criminal exploitation), and the parent asks why the conference is about the family
    "my lad is 15 and got picked up with gear two hours away in a town hes never been to, hes being run by older lads from the estate, i know he is, and now the social tell me theres a child protection conference about him and my other kids. why is it us being looked at when its the gang doing this to him": "why-is-there-a-conference",
    # a son who keeps going missing with the people who run him, and the parent cannot stop it
    "if my son keeps going missing with them and I cant stop him, could the council take us to court over it": "will-it-go-to-court",
    # an ex who beat her is invited to the meeting; support after years of an abusive relationship
    "my ex who beat me is invited and I cant be in a room with him": "ex-will-be-there",
    "where can I get support after years of an abusive relationship": "domestic-abuse-help",
    # she left the ex two years ago because he hit her, and he is to be at the same meeting (Polish)
    "odeszlam od bylego 2 lata temu bo mnie bil, a teraz ma byc na tym samym spotkaniu, nie chce z nim siedziec": "ex-will-be-there",
    # a woman kept under a controlling husband's thumb, and who can help her get away
    "who can help a woman get away from a controlling husband, is there a number": "domestic-abuse-help",
    # he hit her, and she asks if she will be blamed for not protecting the children (Polish)
    "czy powiedza ze to moja wina ze on mnie bil bo nie ochronilam dzieci": "blamed-for-the-abuse",
    # the school heard the boy's dad smacked him, and now there is a conference: why
    "so basically the school rang the social because my son said something about his dad smacking him which was a one off and now theres a conference and im so confused because the SW was nice to me and said it was just to check but now its a full on meeting with everyone and nobody even said we did anything wrong so how did it get this far": "why-is-there-a-conference",
    # the man who broke her nose will sit across the table; help after a controlling relationship
    "he'll be sat across the table from me and im terrified of him, he broke my nose last year": "ex-will-be-there",
    "i left a really controlling relationship last year, who helps women like me": "domestic-abuse-help",
    # he hit her in front of the children, and she asks if she will be blamed; support after leaving a violent relationship
    "will they say its my fault he hit me in front of the kids": "blamed-for-the-abuse",
    "left a violent relationship last year, is there a support service that gets this and the social side": "domestic-abuse-help",
    # he used to hit her when they were together, and now he will be in the same room (Welsh, Romanian)
    "ma fe'n arfer fy mwrw i pan o'n ni gyda'n gilydd, a nawr bydd e yn yr un stafell, fi'n crynu jyst meddwl": "ex-will-be-there",
    "fostul ma batea si o sa fie si el la sedinta, mi-e frica sa stau in aceeasi camera": "ex-will-be-there",
    # the children saw him hit her, and she asks whether she will be blamed (Romanian)
    "o sa zica ca e vina mea ca copiii au vazut cum ma lovea?": "blamed-for-the-abuse",
}
