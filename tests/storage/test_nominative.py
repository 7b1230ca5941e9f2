"""Leading adjectives agree with their head noun when a phrase is put into the nominative."""
import pytest

from storage.ingest.extract.people import _role_nominative
from storage.lexicon.nominative import nominative_lead


@pytest.mark.parametrize("phrase, nominative", [
    ("Государственного секретаря Совета", "Государственный секретарь Совета"),  # not "Государственное"
    ("Главного управления кадров", "Главное управление кадров"),  # the same form, neuter this time
    ("Информационного бюро", "Информационное бюро"),  # an indeclinable neuter head
    ("Оперативной группы", "Оперативная группа"),
    ("Национальной гвардии республики", "Национальная гвардия республики"),
    ("Коллективных сил оперативного реагирования", "Коллективные силы оперативного реагирования"),
    ("Учебном центре", "Учебный центр"),
    ("Большом Кремлёвском дворце", "Большой Кремлёвский дворец"),
    ("Военным университетом", "Военный университет"),
    ("Дворце Независимости", "Дворец Независимости"),
])
def test_places_and_bodies(phrase, nominative):
    assert nominative_lead(phrase) == nominative


@pytest.mark.parametrize("role, nominative", [
    ("Государственного секретаря Совета безопасности", "Государственный секретарь Совета безопасности"),
    ("Генеральному секретарю ОДКБ", "Генеральный секретарь ОДКБ"),
    ("Первого заместителя министра обороны", "Первый заместитель министра обороны"),
    ("Постоянным представителем Армении", "Постоянный представитель Армении"),
    ("Председателя Государственной думы", "Председатель Государственной думы"),
    ("Министров обороны", "Министр обороны"),  # one person, one title
])
def test_roles_are_singular_and_agree(role, nominative):
    assert _role_nominative(role) == nominative
