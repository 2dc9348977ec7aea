//! `resurs forklara KOD`: what each problem code means, an example of it, and how to fix it.
//! An exhaustive match: a new [`Code`] does not build until it is explained here.

use super::Code;

/// One explanation: what it means, a wrong example, the right way.
pub struct Explanation {
    pub vad: &'static str,
    pub fel: &'static str,
    pub ratt: &'static str,
}

const fn e(vad: &'static str, fel: &'static str, ratt: &'static str) -> Explanation {
    Explanation { vad, fel, ratt }
}

impl Code {
    /// What the code means, with a wrong and a right example.
    pub const fn explanation(self) -> Explanation {
        match self {
            Code::E001 => e(
                "En rad följer inte TOML:s regler och kan inte läsas; resten av filen kontrolleras ändå, och varje sådan rad rapporteras, med den rättade raden när rättelsen är tydlig. Vanligast är text utan citattecken, ett datum som inte är skrivet ÅÅÅÅ-MM-DD, en text som saknar sitt avslutande citattecken, ett saknat `=` eller samma nyckel två gånger.",
                "namn = \"Röda Korset\nbeskrivning = \"Träffpunkt\"",
                "namn = \"Röda Korset\"\nbeskrivning = \"Träffpunkt\"",
            ),
            Code::E002 => e(
                "Nyckeln finns inte i dataformatet för den här sortens fil. Ofta är den felstavad eller skriven med å/ä/ö; nycklar skrivs med a–z.",
                "målgrupper = [\"foraldrar\"]\nhemsida = \"https://exempel.se\"",
                "malgrupper = [\"foraldrar\"]\nwebb = \"https://exempel.se\"",
            ),
            Code::E003 => e(
                "En nyckel som måste finnas saknas. En aktör behöver `namn`, `typ`, `beskrivning`, `omraden` och `senast_granskad`; en insats `namn`, `beskrivning`, `behov`, `malgrupper`, `status` och `senast_granskad`; ett behov `titel`, `kategorier`, `malgrupper`, `omraden`, `datum` och `status`. En kontakt behöver `namn` eller `roll`.",
                "[[kontakt]]\nepost = \"info@exempel.se\"",
                "[[kontakt]]\nroll = \"volontärsamordnare\"\nepost = \"info@exempel.se\"",
            ),
            Code::E004 => e(
                "Värdet finns inte i vokabulären (behov, målgrupper, aktörstyper eller språk). I datafilerna skrivs id:t, inte etiketten eller en synonym. Se alla värden med `resurs lista kategorier`, `malgrupper` eller `sprak`.",
                "behov = [\"Samtalsstöd\"]\nsprak = [\"ukrainska\"]",
                "behov = [\"samtalsstod\"]\nsprak = [\"uk\"]",
            ),
            Code::E005 => e(
                "Värdet har fel typ: text där det ska vara en lista, citattecken runt ett datum eller sant/falskt, eller ett värde som inte är tillåtet.",
                "behov = \"samtalsstod\"\ntolk = \"ja\"\nsenast_granskad = \"2026-01-31\"\nstatus = \"Aktiv\"",
                "behov = [\"samtalsstod\"]\ntolk = true\nsenast_granskad = 2026-01-31\nstatus = \"aktiv\"",
            ),
            Code::E006 => e(
                "Ett id (fil- eller mappnamn) får bara ha små bokstäver a–z, siffror och bindestreck – inga mellanslag, inga å/ä/ö, inga versaler.",
                "aktorer/Röda Korset/aktor.toml",
                "aktorer/rodakorset-vaxjo/aktor.toml",
            ),
            Code::E007 => e(
                "Filen eller mappen ligger där dataformatet inte har något, eller har fel filändelse. Aktörer är mappar i `aktorer/`, insatser filer i `aktorer/<aktör>/insatser/`, behov filer i `behov/`, och alla datafiler slutar på `.toml`.",
                "aktorer/rodakorset-vaxjo/traffpunkt.toml\nbehov/mat.txt",
                "aktorer/rodakorset-vaxjo/insatser/traffpunkt.toml\nbehov/mat.toml",
            ),
            Code::E008 => e(
                "Det finns ingen aktör med det id:t. Ett aktörs-id är namnet på aktörens mapp i `aktorer/` (se dem med `resurs lista aktorer`).",
                "lyft_av = [\"Röda Korset\"]",
                "lyft_av = [\"rodakorset-vaxjo\"]",
            ),
            Code::E009 => e(
                "Området är inte en känd kommun, ett känt län eller `riket`. Skriv namnet exakt som i `vokabular/omraden.toml` (utan \"kommun\") eller SCB-koden. En plats (`plats.kommun`) måste vara en kommun.",
                "omraden = [\"Växjö kommun\", \"Kronoberg\"]",
                "omraden = [\"Växjö\", \"Kronobergs län\"]",
            ),
            Code::E010 => e(
                "E-postadressen är inte giltig. Skriv en adress per fält, utan `mailto:`.",
                "epost = \"info(at)exempel.se\"",
                "epost = \"info@exempel.se\"",
            ),
            Code::E011 => e(
                "Telefonnumret är inte giltigt. Skriv ett nummer per fält med siffror, mellanslag och bindestreck.",
                "telefon = \"0470-12 34 56 eller 0470-65 43 21\"",
                "telefon = \"0470-12 34 56\"",
            ),
            Code::E012 => e(
                "Webbadressen är inte giltig. Bara adresser som börjar med `https://` eller `http://` är tillåtna.",
                "webb = \"www.exempel.se\"",
                "webb = \"https://www.exempel.se\"",
            ),
            Code::E013 => e(
                "Organisationsnumret har fel form eller fel kontrollsiffra. Skriv det som NNNNNN-NNNN och kontrollera det mot Bolagsverket eller föreningens stadgar.",
                "organisationsnummer = \"8020024281\"",
                "organisationsnummer = \"802002-4280\"",
            ),
            Code::E014 => e(
                "`giltig_till` är före `giltig_fran`. Kanske är datumen omkastade.",
                "giltig_fran = 2026-06-01\ngiltig_till = 2026-01-31",
                "giltig_fran = 2026-01-31\ngiltig_till = 2026-06-01",
            ),
            Code::E015 => e(
                "`min_alder` är högre än `max_alder`. Kanske är åldrarna omkastade.",
                "min_alder = 20\nmax_alder = 0",
                "min_alder = 0\nmax_alder = 20",
            ),
            Code::E016 => e(
                "Ingen har bekräftat uppgifterna på längre tid än gränsen `fel_efter_manader` i `resurs.toml` (standard 24 månader). Kontrollera uppgifterna med aktören och sätt `senast_granskad` till dagens datum.",
                "senast_granskad = 2023-01-15",
                "senast_granskad = 2026-11-25",
            ),
            Code::E017 => e(
                "Texten ser ut som ett personnummer eller samordningsnummer (giltigt datum och kontrollsiffra). Datamappen kan vara publik; uppgifter om enskilda personer hör aldrig hemma där, inte ens i en kommentar. Ta bort numret – och ur git-historiken om det redan är incheckat.",
                "beskrivning = \"Kontakt via 811218-9876\"",
                "beskrivning = \"Kontakt via aktörens växel\"",
            ),
            Code::E018 => e(
                "Filen kan inte läsas: fel teckenkodning (inte UTF-8, eller UTF-16), saknad behörighet, en symbolisk länk (följs aldrig) eller en mapp där en fil ska vara. Spara filen som UTF-8.",
                "(en fil sparad i Latin-1 eller UTF-16 av en äldre editor)",
                "(samma fil sparad som UTF-8)",
            ),
            Code::E019 => e(
                "Filen är tom. Fyll i uppgifterna eller ta bort filen.",
                "(en tom fil behov/nytt.toml)",
                "titel = \"…\"\nkategorier = [\"…\"]\nmalgrupper = [\"…\"]\nomraden = [\"…\"]\ndatum = 2026-11-25\nstatus = \"aktuellt\"",
            ),
            Code::E020 => e(
                "Datamappen har inga aktörer, insatser eller behov alls. Kanske pekar `--data` på fel mapp.",
                "resurs --data ~/Hämtningar validera",
                "resurs --data ~/resurskarta validera",
            ),
            Code::E021 => e(
                "En fil som datamappen behöver saknas: `resurs.toml`, någon av de fem vokabulärerna, eller `aktor.toml` i en aktörsmapp. `resurs init` skapar en komplett datamapp.",
                "aktorer/ny-aktor/insatser/samtal.toml   (men ingen aktorer/ny-aktor/aktor.toml)",
                "aktorer/ny-aktor/aktor.toml\naktorer/ny-aktor/insatser/samtal.toml",
            ),
            Code::E022 => e(
                "En vokabulär är inte entydig: samma id två gånger, en kategori i en grupp som inte finns, en synonym som redan betyder något annat, eller en felaktig kod.",
                "[[kategori]]\nid = \"terapi\"\nnamn = \"Terapi\"\ngrupp = \"psykisk-hälsa\"",
                "[[kategori]]\nid = \"terapi\"\nnamn = \"Terapi\"\ngrupp = \"psykisk-halsa\"",
            ),
            Code::E023 => e(
                "Ett värde som måste ha innehåll är tomt: en lista utan värden eller en tom text.",
                "malgrupper = []\nbeskrivning = \"\"",
                "malgrupper = [\"alla\"]\nbeskrivning = \"Vad insatsen är och för vem.\"",
            ),
            Code::E024 => e(
                "Ett värde i `resurs.toml` är fel: `lan` ska vara en länskod med två siffror, och `varna_efter_manader` ska vara mindre än `fel_efter_manader`.",
                "lan = \"Kronoberg\"\ngranskning = { varna_efter_manader = 24, fel_efter_manader = 12 }",
                "lan = \"07\"\ngranskning = { varna_efter_manader = 12, fel_efter_manader = 24 }",
            ),
            Code::E025 => e(
                "Filen är större än gränsen (standard 1 MB, ändras med `max_filstorlek_kb` i `resurs.toml`) och läses inte. En datafil är några kilobyte; en jättefil är troligen fel fil eller skadad.",
                "behov/export.toml   (52 MB)",
                "(dela upp uppgifterna i en fil per aktör, insats och behov)",
            ),
            Code::W001 => e(
                "Ingen har bekräftat uppgifterna på längre tid än `varna_efter_manader` i `resurs.toml` (standard 12 månader). Kontrollera dem med aktören och sätt `senast_granskad` till dagens datum.",
                "senast_granskad = 2025-09-02",
                "senast_granskad = 2026-11-25",
            ),
            Code::W002 => e(
                "Insatsen är markerad som aktiv, men `giltig_till` har passerat. Sätt `status = \"avslutad\"`, eller ett nytt `giltig_till` om den fortsätter.",
                "status = \"aktiv\"\ngiltig_till = 2025-12-31",
                "status = \"avslutad\"\ngiltig_till = 2025-12-31",
            ),
            Code::W003 => e(
                "Filen börjar med en osynlig byte order mark (BOM). Den läses ändå, men spara filen som UTF-8 utan BOM.",
                "(filen sparad som \"UTF-8 med BOM\")",
                "(filen sparad som \"UTF-8\")",
            ),
            Code::W004 => e(
                "Filen har Windows-radslut (CRLF). Den läses ändå, men LF gör ändringar tydligare i git. En `.gitattributes` med `*.toml text eol=lf` löser det för alla.",
                "(rader som slutar med \\r\\n)",
                "(rader som slutar med \\n)",
            ),
            Code::W005 => e(
                "`senast_granskad` ligger i framtiden. Skriv det datum då uppgifterna faktiskt granskades.",
                "senast_granskad = 2027-01-01",
                "senast_granskad = 2026-11-25",
            ),
            Code::W006 => e(
                "En TOML-fil i datamappens rot som `resurs` inte känner till läses inte. Inställningarna hör hemma i `resurs.toml`.",
                "installningar.toml",
                "resurs.toml",
            ),
            Code::W007 => e(
                "En fritext (till exempel `beskrivning` eller `kontaktvag`) innehåller en e-postadress. Då kringgår den `kontakt` och dess `publik`-flagga: adressen kommer med i publika rapporter även om den tillhör en person. Skriv funktionsadresser i `epost` och personers adresser som en `[[kontakt]]`.",
                "kontaktvag = \"Mejla anna.svensson@exempel.se\"",
                "kontaktvag = \"Mejla samordnaren.\"\n\n[[kontakt]]\nnamn = \"Anna Svensson\"\nepost = \"anna.svensson@exempel.se\"",
            ),
            Code::W008 => e(
                "En fritext innehåller ett telefonnummer. Då kringgår det `kontakt` och dess `publik`-flagga. Skriv växelnummer i `telefon` och personers nummer som en `[[kontakt]]`.",
                "beskrivning = \"Ring Moa på 0470-433 88.\"",
                "beskrivning = \"Ring behandlaren.\"\n\n[[kontakt]]\nnamn = \"Moa\"\ntelefon = \"0470-433 88\"",
            ),
            Code::W009 => e(
                "En aktiv, planerad eller pausad insats har inget publikt sätt att nå den: varken insatsen eller aktören har `telefon`, `epost`, `webb` eller en `[[kontakt]]` med `publik = true`, och insatsen har ingen `kontaktvag` och ingen `plats` (som inte är skyddad). Då är \"Så får man den\" tom i den publika rapporten, och den som läser vet inte hur man tar del av insatsen.",
                "namn = \"Samtalsgrupp för kvinnor\"\n# (ingen telefon, e-post, webb, kontaktväg eller plats, och inte heller på aktören)",
                "namn = \"Samtalsgrupp för kvinnor\"\nkontaktvag = \"Ring växeln och fråga efter samtalsgruppen.\"\ntelefon = \"0470-410 00\"",
            ),
            Code::W010 => e(
                "En text innehåller ett styrtecken (till exempel escape, skrivet `\\u001b` eller `\\e`, eller en vagnretur `\\r`) eller ett tecken som vänder textens riktning (U+202A–U+202E, U+2066–U+2069). En terminal lyder styrtecken: de kan tömma skärmen, byta fönstrets titel eller gömma en länk bakom en text, och ett riktningstecken får `exe.png` att visas som `gnp.exe`, också i granskningen av en pull request. `resurs` visar alltid sådana tecken som `\\u{1b}` och varnar här; i en e-postadress, webbadress eller ett telefonnummer är de fel (E010, E012, E011). Tabb och radbrytning är tillåtna, liksom U+200F (RLM), U+200E (LRM) och U+061C (ALM), som text på arabiska, persiska och hebreiska behöver.",
                "namn = \"Matkassar\\u001b[2J\"\ntider = \"\\u202Etisdagar\"",
                "namn = \"Matkassar\"\ntider = \"tisdagar\"",
            ),
            Code::W011 => e(
                "Samma värde står flera gånger i en lista (till exempel `omraden`, `behov`, `malgrupper`, `sprak`, `kanaler` eller `samarbetspartner`). Det andra säger inget mer än det första; ta bort det. Varningen pekar på rad och kolumn för värdet som står en gång till.",
                "behov = [\"mat\", \"samtalsstod\", \"mat\"]",
                "behov = [\"mat\", \"samtalsstod\"]",
            ),
        }
    }
}
