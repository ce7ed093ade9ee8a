"""The 12 probation regions (reference-data.md) and ~100 PDUs with the places they cover.

PDU names follow the pattern of the real delivery units (a city, a county, or a pair of neighbours);
each has the main town, its county (blank in the metropolitan areas) and the postcode area used for
the addresses of people managed there. ``ap`` marks PDUs with an approved premises.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PduPlace:
    name: str
    town: str
    county: str
    postcode_area: str
    ap: bool = False


@dataclass(frozen=True)
class RegionPlace:
    code: str
    name: str
    pdus: tuple[PduPlace, ...]


P = PduPlace

REGIONS: tuple[RegionPlace, ...] = (
    RegionPlace(
        "NE",
        "North East",
        (
            P("County Durham", "Durham", "County Durham", "DH", ap=True),
            P("Darlington", "Darlington", "County Durham", "DL"),
            P("Northumberland", "Morpeth", "Northumberland", "NE"),
            P("North Tyneside", "North Shields", "", "NE"),
            P("Newcastle upon Tyne", "Newcastle upon Tyne", "", "NE", ap=True),
            P("Gateshead and South Tyneside", "Gateshead", "", "NE"),
            P("Sunderland", "Sunderland", "", "SR"),
            P("Redcar, Cleveland and Middlesbrough", "Middlesbrough", "North Yorkshire", "TS", ap=True),
            P("Stockton and Hartlepool", "Stockton-on-Tees", "County Durham", "TS"),
        ),
    ),
    RegionPlace(
        "NW",
        "North West",
        (
            P("Cumbria", "Carlisle", "Cumbria", "CA", ap=True),
            P("Lancashire North", "Lancaster", "Lancashire", "LA"),
            P("Blackpool", "Blackpool", "Lancashire", "FY"),
            P("Preston", "Preston", "Lancashire", "PR", ap=True),
            P("East Lancashire", "Blackburn", "Lancashire", "BB"),
            P("Liverpool", "Liverpool", "", "L", ap=True),
            P("Sefton", "Bootle", "", "L"),
            P("Wirral", "Birkenhead", "", "CH"),
            P("Cheshire West", "Chester", "Cheshire", "CH"),
        ),
    ),
    RegionPlace(
        "YH",
        "Yorkshire and the Humber",
        (
            P("Leeds", "Leeds", "", "LS", ap=True),
            P("Bradford and Calderdale", "Bradford", "", "BD", ap=True),
            P("Kirklees", "Huddersfield", "", "HD"),
            P("Wakefield", "Wakefield", "", "WF"),
            P("Sheffield", "Sheffield", "", "S", ap=True),
            P("Doncaster", "Doncaster", "", "DN"),
            P("Rotherham and Barnsley", "Rotherham", "", "S"),
            P("Hull and East Riding", "Kingston upon Hull", "East Riding of Yorkshire", "HU", ap=True),
            P("North Yorkshire", "York", "North Yorkshire", "YO"),
        ),
    ),
    RegionPlace(
        "GM",
        "Greater Manchester",
        (
            P("Manchester North", "Manchester", "", "M", ap=True),
            P("Manchester South", "Manchester", "", "M"),
            P("Salford", "Salford", "", "M", ap=True),
            P("Bolton", "Bolton", "", "BL"),
            P("Wigan", "Wigan", "", "WN"),
            P("Bury and Rochdale", "Rochdale", "", "OL"),
            P("Oldham", "Oldham", "", "OL"),
            P("Tameside", "Ashton-under-Lyne", "", "OL"),
            P("Stockport and Trafford", "Stockport", "", "SK"),
        ),
    ),
    RegionPlace(
        "EM",
        "East Midlands",
        (
            P("Derby City", "Derby", "Derbyshire", "DE", ap=True),
            P("Derbyshire", "Chesterfield", "Derbyshire", "S"),
            P("Nottingham City", "Nottingham", "Nottinghamshire", "NG", ap=True),
            P("Nottinghamshire", "Mansfield", "Nottinghamshire", "NG"),
            P("Leicester", "Leicester", "Leicestershire", "LE", ap=True),
            P("Leicestershire and Rutland", "Loughborough", "Leicestershire", "LE"),
            P("Lincolnshire", "Lincoln", "Lincolnshire", "LN", ap=True),
            P("Northamptonshire", "Northampton", "Northamptonshire", "NN"),
        ),
    ),
    RegionPlace(
        "WM",
        "West Midlands",
        (
            P("Birmingham Central and South", "Birmingham", "", "B", ap=True),
            P("Birmingham North, East and Solihull", "Birmingham", "", "B"),
            P("Coventry", "Coventry", "", "CV", ap=True),
            P("Wolverhampton", "Wolverhampton", "", "WV"),
            P("Dudley and Sandwell", "Dudley", "", "DY"),
            P("Walsall", "Walsall", "", "WS"),
            P("Staffordshire and Stoke-on-Trent", "Stoke-on-Trent", "Staffordshire", "ST", ap=True),
            P("Warwickshire", "Warwick", "Warwickshire", "CV"),
            P("Worcestershire", "Worcester", "Worcestershire", "WR"),
        ),
    ),
    RegionPlace(
        "EOE",
        "East of England",
        (
            P("Norfolk", "Norwich", "Norfolk", "NR", ap=True),
            P("Suffolk", "Ipswich", "Suffolk", "IP", ap=True),
            P("Peterborough", "Peterborough", "Cambridgeshire", "PE"),
            P("Cambridge", "Cambridge", "Cambridgeshire", "CB"),
            P("Essex North", "Colchester", "Essex", "CO", ap=True),
            P("Essex South", "Basildon", "Essex", "SS"),
            P("Hertfordshire", "Stevenage", "Hertfordshire", "SG"),
            P("Bedfordshire", "Luton", "Bedfordshire", "LU", ap=True),
        ),
    ),
    RegionPlace(
        "KSS",
        "Kent, Surrey and Sussex",
        (
            P("East Kent", "Canterbury", "Kent", "CT", ap=True),
            P("Thanet", "Margate", "Kent", "CT"),
            P("West Kent", "Maidstone", "Kent", "ME"),
            P("Medway", "Chatham", "Kent", "ME", ap=True),
            P("Surrey", "Guildford", "Surrey", "GU", ap=True),
            P("North Surrey", "Woking", "Surrey", "GU"),
            P("Brighton and Hove", "Brighton", "East Sussex", "BN", ap=True),
            P("East Sussex", "Hastings", "East Sussex", "TN"),
            P("West Sussex", "Crawley", "West Sussex", "RH"),
        ),
    ),
    RegionPlace(
        "LDN",
        "London",
        (
            P("Camden and Islington", "London", "", "N", ap=True),
            P("Hackney and City", "London", "", "E"),
            P("Tower Hamlets", "London", "", "E", ap=True),
            P("Lambeth", "London", "", "SW"),
            P("Southwark", "London", "", "SE", ap=True),
            P("Croydon", "Croydon", "", "CR"),
            P("Ealing and Hillingdon", "London", "", "W"),
            P("Barnet, Brent and Enfield", "London", "", "NW", ap=True),
            P("Lewisham and Bromley", "London", "", "SE"),
        ),
    ),
    RegionPlace(
        "SW",
        "South West",
        (
            P("Bristol and South Gloucestershire", "Bristol", "", "BS", ap=True),
            P("Gloucestershire", "Gloucester", "Gloucestershire", "GL", ap=True),
            P("Devon and Torbay", "Exeter", "Devon", "EX", ap=True),
            P("Plymouth", "Plymouth", "Devon", "PL"),
            P("Cornwall and Isles of Scilly", "Truro", "Cornwall", "TR"),
            P("Dorset", "Bournemouth", "Dorset", "BH", ap=True),
            P("Somerset", "Taunton", "Somerset", "TA"),
            P("Wiltshire", "Swindon", "Wiltshire", "SN"),
        ),
    ),
    RegionPlace(
        "SC",
        "South Central",
        (
            P("North and East Hampshire", "Basingstoke", "Hampshire", "RG"),
            P("Southampton", "Southampton", "Hampshire", "SO", ap=True),
            P("Portsmouth", "Portsmouth", "Hampshire", "PO", ap=True),
            P("Isle of Wight", "Newport", "Isle of Wight", "PO"),
            P("Oxfordshire", "Oxford", "Oxfordshire", "OX", ap=True),
            P("Buckinghamshire", "Aylesbury", "Buckinghamshire", "HP"),
            P("Milton Keynes", "Milton Keynes", "Buckinghamshire", "MK"),
            P("Reading and West Berkshire", "Reading", "Berkshire", "RG", ap=True),
        ),
    ),
    RegionPlace(
        "WAL",
        "Wales",
        (
            P("Cardiff and Vale", "Cardiff", "", "CF", ap=True),
            P("Swansea, Neath and Port Talbot", "Swansea", "", "SA", ap=True),
            P("Cwm Taf Morgannwg", "Merthyr Tydfil", "", "CF"),
            P("Gwent", "Newport", "", "NP", ap=True),
            P("Dyfed-Powys", "Carmarthen", "Carmarthenshire", "SA"),
            P("North Wales Central", "Rhyl", "Denbighshire", "LL", ap=True),
            P("North Wales West", "Bangor", "Gwynedd", "LL"),
            P("North Wales East", "Wrexham", "", "LL"),
        ),
    ),
)

# The demo team sits in this PDU (it has an approved premises, so it has AP staff too).
ANCHOR_PDU = "Leeds"

# Team names within a PDU: the first team also holds the court, victim liaison and AP staff.
TEAM_NAMES = ("Public Protection", "North", "South", "East", "West", "Central")
