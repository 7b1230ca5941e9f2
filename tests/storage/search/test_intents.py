import pytest

from storage.search.intents import Intent, detect_intent


CASES = [
        ("Кто председательствовал на заседании СМО?", Intent.chair),
        ("под чьим председательством прошли консультации", Intent.chair),
        ("Who chaired the summit?", Intent.chair),
        ("кто вёл заседание совета", Intent.chair),  # "вести" means chairing only with "who"
        ("Who led the CSTO summit?", Intent.chair),
        ("какие переговоры вели в Минске", Intent.summary),
        ("с кем встречался генсек в Бишкеке", Intent.participants),
        ("Кто участвовал в учениях?", Intent.participants),
        ("кто принял участие в заседании", Intent.participants),
        ("Who took part in the meeting?", Intent.participants),
        ("Зась участвовал в заседании?", Intent.participation),
        ("Принимал ли участие Лавров в СМИД?", Intent.participation),
        ("Did Putin attend the summit?", Intent.participation),
        ("Где прошли учения?", Intent.place),
        ("в каком городе была сессия", Intent.place),
        ("Where was the summit held?", Intent.place),
        ("Когда состоялось заседание КССБ?", Intent.date),
        ("When did the council meet?", Intent.date),
        ("В каком формате прошло заседание?", Intent.format),
        ("очно или онлайн прошли консультации", Intent.format),
        ("Что решили министры обороны?", Intent.decisions),
        ("какой план утвердили", Intent.decisions),
        ("Какие документы подписали?", Intent.decisions),
        ("What was approved?", Intent.decisions),
        ("Что обсуждали на конференции?", Intent.topics),
        ("о чём говорили министры", Intent.topics),
        ("заседание СМИД в Ереване", Intent.summary),
        ("Что было 14 июня 2022?", Intent.summary),
]


@pytest.mark.parametrize(("question", "intent"), CASES)
def test_detects_intent(question, intent):
    assert detect_intent(question) is intent


def test_every_intent_is_reached_by_some_question():
    assert {intent for _, intent in CASES} == set(Intent)


@pytest.mark.parametrize(("question", "intent"), [
    ("Что было на заседании Совета министров обороны с участием Орловой?", Intent.summary),
    ("Где прошла встреча с участием министра Лаврова?", Intent.place),
    ("Когда состоялись консультации при участии экспертов Армении?", Intent.date),
    ("Кто председательствовал на сессии с участием президентов?", Intent.chair),
    ("Какие документы подписали на саммите при участии Токаева?", Intent.decisions),
    ("Where was the meeting with the participation of Lavrov held?", Intent.place),
    ("When was the session attended by the presidents?", Intent.date),
    ("Кто принял участие в заседании с участием наблюдателей?", Intent.participants),
    ("Участвовал ли Лавров во встрече?", Intent.participation),
])
def test_who_was_there_as_a_filter_does_not_make_it_a_participation_question(question, intent):
    assert detect_intent(question) is intent


@pytest.mark.parametrize("question", [
    "сессия прошла очно или по видеосвязи?", "Совещание было в режиме видеоконференции?",
    "заседание проходило дистанционно?", "Was the summit held in person or by video?",
    "встречались лично или онлайн?",
])
def test_format_questions_in_many_words(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.format


@pytest.mark.parametrize("question", [
    "кто подписал соглашение о КСОР?", "Кто подписывал декларацию?", "Who signed the agreement?",
    "кем было подписано соглашение?",
])
def test_who_signed_asks_for_the_signatories(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.participants


@pytest.mark.parametrize("question", ["Что подписали главы государств?", "Какие документы подписаны?",
                                      "What was signed at the summit?"])
def test_what_was_signed_asks_for_the_documents(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.decisions


@pytest.mark.parametrize("question", [
    "Кто представлял Армению на заседании?", "кто возглавлял делегацию Казахстана", "Кто возглавил делегацию России?",
    "Кем была представлена Беларусь на сессии?", "кто был представителем Таджикистана на встрече",
    "Who represented Kyrgyzstan at the meeting?", "Who led the Russian delegation?",
    "who headed the delegation of Belarus", "Who was Armenia's representative at the session?",
])
def test_who_represented_asks_for_a_participant_not_the_chair(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.participants


@pytest.mark.parametrize("question, word", [
    ("Сколько военнослужащих участвовало в учениях?", "военнослужащих"),
    ("сколько всего человек было на учении", "человек"),
    ("Сколько единиц техники задействовали?", "единиц"),
    ("Какова численность войск на учении?", "войск"),
    ("каково число участников сессии", "участников"),
    ("How many troops took part?", "troops"),
    ("How much equipment was used?", "equipment"),
    ("how many countries signed the declaration", "countries"),
    ("Сколько раз проводились учения?", None),
    ("How many times did the council meet?", None),
    ("Кто был на сессии?", None),
])
def test_what_a_how_many_question_counts(question, word):
    from storage.search.intents import counted_word

    assert counted_word(question) == word


@pytest.mark.parametrize("question", [
    "Кто выступил на закрытии учений?", "кто рассказал журналистам об итогах сессии", "Кто принимал саммит в Сочи?",
    "кто приветствовал участников совещания", "Who hosted the summit?", "who spoke at the closing ceremony",
    "Who welcomed the delegations?", "Какие лидеры ожидались на саммите?", "какие министры приехали в Минск",
    "Which leaders attended the summit?", "Which ministers came to Minsk?", "какие делегации прибыли на учения",
])
def test_who_did_something_asks_for_the_people_of_the_event(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.participants


@pytest.mark.parametrize("question", [
    "Did Uzbekistan sign the agreement?", "Подписал ли Узбекистан соглашение?", "Was the treaty signed by Armenia?",
    "подписала ли Армения декларацию в 2031 году",
])
def test_whether_someone_signed_is_a_yes_or_no_about_them(question):
    from storage.search.intents import Intent, detect_intent

    assert detect_intent(question) is Intent.participation


@pytest.mark.parametrize("question, states", [
    ("Какие страны участвовали в сессии?", True), ("каких государств делегации приехали", True),
    ("Which countries signed the agreement?", True), ("How many states took part?", True),
    ("кто подписал соглашение", True), ("Who signed the declaration?", True),
    ("Кто участвовал в сессии?", False), ("Which ministers came?", False), ("Где прошла сессия?", False),
])
def test_which_questions_are_answered_by_states(question, states):
    from storage.search.intents import asks_for_states

    assert asks_for_states(question) is states


@pytest.mark.parametrize("question, often", [
    ("Сколько раз СМИД собирался в Минске?", True), ("сколько было саммитов в Астане", True),
    ("How many times did the council meet?", True), ("How often do the ministers meet?", True),
    ("How many exercises were held in 2031?", True),
    ("Сколько военнослужащих участвовало?", False), ("How many troops took part?", False),
])
def test_which_questions_ask_how_often(question, often):
    from storage.search.intents import asks_how_often

    assert asks_how_often(question) is often
