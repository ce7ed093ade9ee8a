"""Name pools for people on probation in England and Wales.

British first names come from Faker's ``en_GB`` lists (ordered by popularity, so weighted by rank)
and surnames from a weighted list of the commonest surnames (ONS-style frequencies: Smith, Jones,
Williams ... so a search for "smith" returns many) topped up with Faker's 500 weighted surnames. The
other groups give the caseload the mix of backgrounds, languages and spellings (diacritics,
apostrophes, hyphens) that search and the forms have to cope with.
"""

from bisect import bisect
from dataclasses import dataclass
from random import Random

from faker.providers.person.en_GB import Provider as FakerPerson


class Pool:
    """Weighted choice with one ``random()`` call: deterministic for a seeded Random and fast."""

    def __init__(self, weighted: dict[str, float] | list[tuple[str, float]]) -> None:
        items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
        self.values = [value for value, _ in items]
        self.cumulative: list[float] = []
        total = 0.0
        for _, weight in items:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng: Random) -> str:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]


def _split(text: str, weight: float = 1.0) -> list[tuple[str, float]]:
    return [(name, weight) for name in text.split(",")]


def _weighted_text(text: str) -> list[tuple[str, str]]:
    """Parse "Smith=126,Jones=95" (or "Christopher=Chris"): the data tables stay compact."""
    return [(name, value) for name, value in (entry.rsplit("=", 1) for entry in text.split(","))]


def _weighted(text: str) -> dict[str, float]:
    return {name: float(weight) for name, weight in _weighted_text(text)}


def _ranked(names: list[str] | tuple[str, ...], offset: int = 8) -> list[tuple[str, float]]:
    """Zipf-like weights for a list ordered by popularity."""
    return [(name, 1.0 / (rank + offset)) for rank, name in enumerate(names)]


COMMON_SURNAMES = _weighted(
    "Smith=126,Jones=95,Williams=67,Taylor=55,Brown=52,Davies=50,Evans=38,Wilson=33,Thomas=32,"
    "Johnson=31,Roberts=31,Robinson=27,Thompson=27,Wright=26,Walker=26,White=25,Edwards=25,"
    "Hughes=24,Green=24,Hall=24,Lewis=23,Harris=23,Clarke=23,Jackson=21,Wood=21,Turner=20,"
    "Martin=20,Cooper=20,Hill=20,Ward=19,Morris=19,Moore=19,Clark=19,Lee=18,King=18,Baker=18,"
    "Harrison=18,Morgan=17,Allen=17,James=17,Scott=17,Phillips=16,Watson=16,Davis=16,Parker=16,"
    "Price=15,Bennett=15,Young=15,Griffiths=15,Mitchell=15,Kelly=14,Cook=14,Carter=14,"
    "Richardson=14,Bailey=14,Collins=14,Bell=14,Shaw=14,Murphy=13,Miller=13,Cox=13,Richards=13,"
    "Marshall=12,Anderson=12,Simpson=12,Ellis=12,Adams=12,Wilkinson=11,Foster=11,Chapman=11,"
    "Powell=11,Webb=11,Rogers=11,Gray=11,Mason=11,Hunt=10,Campbell=10,Matthews=10,Owen=10,"
    "Palmer=10,Holmes=10,Mills=10,Barnes=10,Knight=10,Lloyd=10,Butler=10,Russell=10,Barker=10,"
    "Fisher=9,Stevens=9,Jenkins=9,Murray=9,Dixon=9,Harvey=9,O'Brien=6,O'Neill=5,McDonald=6,"
    "Smith-Jones=1,Johnston=5,Johns=3,Smyth=3,Smithson=2"
)

WELSH_SURNAMES = _weighted(
    "Jones=60,Williams=45,Davies=40,Evans=30,Thomas=28,Roberts=22,Lewis=18,Hughes=18,Morgan=15,"
    "Griffiths=14,Price=12,Jenkins=12,Owen=11,Lloyd=10,Rees=10,Powell=8,Morris=8,Phillips=8,"
    "Parry=7,Pritchard=5,Howells=4,Bevan=4,Llewellyn=4,Vaughan=4,Prosser=2,ap Rhys=1"
)

_FAKER_SURNAMES = FakerPerson.last_names
# Names the other backgrounds supply (Faker weights Patel, Khan and Singh above Taylor).
_ELSEWHERE = {
    name
    for name, _ in _split(
        "Ahmad,Ahmed,Akhtar,Ali,Begum,Bibi,Chaudhry,Chen,Hassan,Hussain,Ibrahim,Iqbal,Islam,Kaur,Khan,"
        "Li,Mahmood,Malik,Miah,Mohamed,Mohammed,Nguyen,Patel,Rahman,Shah,Sharma,Singh,Uddin,Wang,Yusuf,"
        "Zhang"
    )
}
# Out of 10,000 British surnames: the commonest at their real frequency (Faker's own weights make
# Smith nearly 3% of everyone), Faker's other names sharing the rest.
_TAIL = {k: v for k, v in _FAKER_SURNAMES.items() if k not in COMMON_SURNAMES and k not in _ELSEWHERE}
_TAIL_SHARE = 10000.0 - sum(COMMON_SURNAMES.values())
BRITISH_SURNAMES = Pool(
    list(COMMON_SURNAMES.items()) + [(k, v / sum(_TAIL.values()) * _TAIL_SHARE) for k, v in _TAIL.items()]
)
WELSH_POOL = Pool(WELSH_SURNAMES)

BRITISH_MALE_EXTRA = (
    "Jack,Daniel,Thomas,James,Joshua,Ryan,Liam,Callum,Connor,Jordan,Lewis,Kyle,Jamie,Dean,Lee,Craig,"
    "Wayne,Scott,Shane,Kieran,Bradley,Aaron,Nathan,Reece,Luke,Ashley,Carl,Darren,Gary,Stuart"
)
BRITISH_FEMALE_EXTRA = (
    "Chloe,Jade,Kayleigh,Stacey,Gemma,Leanne,Danielle,Natalie,Amy,Lauren,Charlotte,Hayley,Kerry,"
    "Toni,Kelly,Zoë,Siobhan,Shannon,Courtney,Megan"
)


@dataclass(frozen=True)
class Background:
    """A naming background: first names, surnames, home languages and equality-data tendencies."""

    key: str
    male: Pool
    female: Pool
    surnames: Pool
    languages: Pool  # "English" dominates where it applies
    interpreter_rate: float  # of those whose preferred language is not English
    ethnicity: Pool
    religion: Pool


def _pool(text: str) -> Pool:
    return Pool(_split(text))


BACKGROUNDS: dict[str, Background] = {
    "british": Background(
        "british",
        Pool(_ranked(FakerPerson.first_names_male) + _split(BRITISH_MALE_EXTRA, 0.06)),
        Pool(_ranked(FakerPerson.first_names_female) + _split(BRITISH_FEMALE_EXTRA, 0.06)),
        BRITISH_SURNAMES,
        Pool(_weighted("English=100")),
        0.0,
        Pool(_weighted("W1=88,W2=3,W3=1.5,W9=2,M1=2,M3=1,M9=0.5,NS=2")),
        Pool(_weighted("NONE=50,CHR=40,OTH=2,NS=8")),
    ),
    "south_asian": Background(
        "south_asian",
        _pool(
            "Mohammed,Muhammad,Mohammad,Ahmed,Ali,Imran,Amir,Adil,Asif,Bilal,Faisal,Hamza,Harpreet,"
            "Gurpreet,Jaspal,Kamran,Mohsin,Nadeem,Omar,Rizwan,Sajid,Shahid,Tariq,Usman,Wasim,Zubair,"
            "Arjun,Rahul,Vikram,Sanjay,Raj,Amit,Zain,Yusuf"
        ),
        _pool(
            "Aisha,Fatima,Ayesha,Zainab,Maryam,Nadia,Sana,Samina,Shabana,Priya,Pooja,Harjit,Manpreet,"
            "Simran,Anjali,Rukhsana"
        ),
        Pool(
            _weighted(
                "Khan=20,Ali=15,Hussain=14,Ahmed=14,Begum=6,Patel=15,Singh=14,Kaur=5,Shah=8,Mahmood=6,"
                "Akhtar=6,Iqbal=6,Rahman=6,Malik=6,Sharma=5,Mistry=3,Chaudhry=5,Butt=4,Islam=4,Uddin=4,"
                "Miah=4,Choudhury=4,Sandhu=3,Gill=4,Dhillon=3,Sidhu=3"
            )
        ),
        Pool(_weighted("English=86,Urdu=5,Punjabi=4,Bengali=3,Gujarati=2")),
        0.4,
        Pool(_weighted("A2=45,A1=30,A3=15,A9=7,M3=3")),
        Pool(_weighted("MUS=65,SIK=15,HIN=15,NS=5")),
    ),
    "black_african": Background(
        "black_african",
        _pool(
            "Oluwaseun,Chukwuemeka,Kwame,Kofi,Emmanuel,Samuel,David,Daniel,Joseph,Abdi,Mohamed,"
            "Tendai,Tunde,Femi,Segun,Ifeanyi,Kelechi,Yaw,Abdullahi,Michael"
        ),
        _pool("Abena,Ngozi,Chioma,Blessing,Grace,Precious,Adaeze,Folake,Amina,Hodan,Fadumo,Esther"),
        _pool(
            "Okafor,Okoye,Adeyemi,Adebayo,Mensah,Owusu,Boateng,Asante,Mohamed,Abdi,Hassan,Ibrahim,"
            "Yusuf,Osei,Ogunleye,Eze,Nwosu,Bello,Warsame,Farah,Oyelaran,Adekunle"
        ),
        Pool(_weighted("English=85,Somali=6,Tigrinya=3,Amharic=2,French=2,Yoruba=2")),
        0.5,
        Pool(_weighted("B2=90,B9=5,M2=5")),
        Pool(_weighted("CHR=55,MUS=40,NS=5")),
    ),
    "black_caribbean": Background(
        "black_caribbean",
        _pool(
            "Jermaine,Tyrone,Marcus,Leon,Dwayne,Delroy,Winston,Andre,Kemar,Shaquille,Devon,Curtis,"
            "Errol,Clive,Nathaniel,Jerome"
        ),
        _pool("Shanice,Tanisha,Keisha,Jade,Chantelle,Marcia,Simone,Paulette,Maxine,Natasha"),
        _pool(
            "Campbell,Brown,Williams,Clarke,Francis,Johnson,Thomas,Grant,Gordon,Reid,Henry,Bailey,"
            "Richards,Morgan,Smith,Lewis,Edwards,Forbes,McKenzie,Powell,Samuels,Bennett"
        ),
        Pool(_weighted("English=100")),
        0.0,
        Pool(_weighted("B1=75,M1=20,B9=5")),
        Pool(_weighted("CHR=60,NONE=30,OTH=5,NS=5")),
    ),
    "eastern_european": Background(
        "eastern_european",
        _pool(
            "Piotr,Paweł,Tomasz,Krzysztof,Marcin,Michał,Jakub,Łukasz,Mateusz,Andrzej,Adrian,Marius,"
            "Ionuţ,Andrei,Florin,Bogdan,Gheorghe,Mindaugas,Tomas,Darius,Jānis,Aleksandr,Dmitri,Vasile"
        ),
        _pool("Anna,Katarzyna,Agnieszka,Magdalena,Joanna,Monika,Ioana,Elena,Andreea,Maria,Rūta,Inga"),
        _pool(
            "Nowak,Wiśniewski,Wójcik,Kowalczyk,Kamiński,Lewandowski,Zieliński,Szymański,Woźniak,"
            "Dąbrowski,Kozłowski,Popescu,Ionescu,Popa,Stan,Dumitru,Constantin,Radu,Kazlauskas,"
            "Petrauskas,Jankauskas,Bērziņš,Ivanov,Petrov,Horváth,Kováč"
        ),
        Pool(
            _weighted(
                "English=30,Polish=30,Romanian=20,Lithuanian=8,Latvian=4,Russian=4,Bulgarian=2,Slovak=2"
            )
        ),
        0.35,
        Pool(_weighted("W9=90,W4=8,NS=2")),
        Pool(_weighted("CHR=80,NONE=15,NS=5")),
    ),
    "other": Background(
        "other",
        _pool(
            "Ahmad,Mohammad,Karwan,Rebwar,Ardit,Endrit,Klodian,Minh,Tuan,Hung,Wei,Jian,Tesfay,Yonas,"
            "Abdul,Hassan,Hussein,Omar,Reza,Dawit"
        ),
        _pool("Leila,Noor,Hana,Linh,Mai,Mei,Xin,Elsa,Senait,Shirin"),
        _pool(
            "Ahmadi,Rahimi,Karimi,Mohammadi,Hoxha,Gashi,Krasniqi,Berisha,Nguyen,Tran,Le,Pham,Wang,Li,"
            "Zhang,Chen,Liu,Tesfay,Haile,Abdullah,Hassan,Mahmoud,Aziz"
        ),
        Pool(
            _weighted(
                "English=35,Arabic=15,Kurdish=12,Albanian=10,Vietnamese=8,Mandarin=5,Cantonese=3,"
                "Tigrinya=4,Pashto=4,Farsi=4"
            )
        ),
        0.45,
        Pool(_weighted("O2=30,O9=25,A9=15,A4=15,W9=15")),
        Pool(_weighted("MUS=60,BUD=15,NONE=10,CHR=10,NS=5")),
    ),
}

# Share of each background nationally; London and the West Midlands are more diverse, Wales less.
BACKGROUND_MIX = _weighted(
    "british=78,south_asian=7,black_african=3,black_caribbean=3,eastern_european=5,other=4"
)
REGION_MIX = {
    "LDN": _weighted(
        "british=48,south_asian=12,black_african=12,black_caribbean=12,eastern_european=8,other=8"
    ),
    "WM": _weighted("british=66,south_asian=16,black_african=3,black_caribbean=6,eastern_european=5,other=4"),
    "WAL": _weighted("british=92,south_asian=2,black_african=1,black_caribbean=1,eastern_european=3,other=1"),
}

NICKNAMES = dict(
    _weighted_text(
        "Christopher=Chris,Michael=Mick,Daniel=Danny,Anthony=Tony,James=Jimmy,William=Billy,"
        "Robert=Rob,Richard=Rich,Thomas=Tommy,Joseph=Joe,Matthew=Matt,Andrew=Andy,Stephen=Steve,"
        "Steven=Steve,Nicholas=Nick,Jonathan=Jon,Benjamin=Ben,Samuel=Sam,Alexander=Alex,Edward=Eddie,"
        "Kenneth=Ken,Jennifer=Jen,Elizabeth=Liz,Rebecca=Becky,Victoria=Vicky,Katherine=Kate,"
        "Catherine=Cath,Samantha=Sam,Jessica=Jess,Margaret=Maggie,Deborah=Debbie,Susan=Sue,"
        "Kimberley=Kim,Mohammed=Mo,Oluwaseun=Seun,Chukwuemeka=Emeka,Aleksandr=Sasha,Krzysztof=Chris"
    )
)

STREET_WORDS = _pool(
    "Oak,Elm,Ash,Birch,Beech,Willow,Chestnut,Hawthorn,Rowan,Holly,Maple,Cedar,Laurel,Lime,Poplar,"
    "Church,Mill,Station,Park,Victoria,Albert,Queen's,King's,Windsor,York,Stanley,Grange,Manor,Meadow,"
    "Orchard,Springfield,Highfield,Greenfield,Westfield,Brook,Bridge,Castle,Market,School,Chapel,"
    "North,South,High,Broad,Long,New,Valley,Forest,Green,St John's,St Mary's,Nelson,Wellington,"
    "Trafalgar,Cromwell,Clarence,Gladstone,Tennyson,Milton,Shakespeare,Byron,Wordsworth,Derwent,"
    "Coronation,Jubilee,Belmont,Fairfield,Hollins,Moorland,Riverside,Sycamore,Primrose,Heather"
)
STREET_SUFFIXES = Pool(
    _weighted(
        "Road=25,Street=20,Avenue=8,Close=8,Lane=8,Drive=6,Way=4,Crescent=4,Gardens=3,Grove=3,"
        "Terrace=3,Court=2,Place=2,Walk=1,Mews=1,Rise=1,View=1,Row=1"
    )
)
BUILDING_SUFFIXES = ("House", "Court", "Lodge", "Point", "Tower", "Heights")
AP_NAMES = (
    "Ashley House",
    "Cedars",
    "Elm Bank",
    "Kelley House",
    "Holbeck House",
    "St John's",
    "Southview",
    "The Grange",
    "Westgate",
    "Bridge House",
    "Meadow Lodge",
    "Oakwood",
)
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward part of a postcode


def street_name(rng: Random) -> str:
    word = STREET_WORDS.pick(rng) if rng.random() < 0.7 else BRITISH_SURNAMES.pick(rng)
    return f"{word} {STREET_SUFFIXES.pick(rng)}"


def postcode(rng: Random, area: str) -> str:
    """A UK-shaped postcode in ``area`` (it matches services.address.POSTCODE)."""
    unit = INWARD_LETTERS[rng.randrange(20)] + INWARD_LETTERS[rng.randrange(20)]
    return f"{area}{rng.randint(1, 29)} {rng.randint(0, 9)}{unit}"
