//! The types of the vocabulary files (`vokabular/*.toml`): the ids the data may use, with
//! their Swedish names and synonyms. The dataset prepares them for look-ups.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Behovskategorier i grupper (vokabular/behov.toml).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BehovVokabular {
    /// Grupper av kategorier.
    #[serde(default)]
    pub grupp: Vec<Grupp>,
    /// Kategorierna.
    #[serde(default)]
    pub kategori: Vec<Kategori>,
}

/// En grupp av behovskategorier.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grupp {
    /// Gruppens id, t.ex. "psykisk-halsa".
    pub id: String,
    /// Gruppens namn, t.ex. "Psykisk hälsa och samtalsstöd".
    pub namn: String,
}

/// En behovskategori.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kategori {
    /// Kategorins id, t.ex. "samtalsstod".
    pub id: String,
    /// Kategorins namn, t.ex. "Samtalsstöd".
    pub namn: String,
    /// Gruppens id.
    pub grupp: String,
    /// Andra ord som användare kan skriva, t.ex. "stödsamtal".
    #[serde(default)]
    pub synonymer: Vec<String>,
}

/// Målgrupper (vokabular/malgrupper.toml).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MalgruppVokabular {
    /// Grupper av målgrupper, t.ex. "migranter": i en sökning betyder gruppen vilken som helst
    /// av dess målgrupper. Data anger målgrupperna, inte gruppen.
    #[serde(default)]
    pub grupp: Vec<MalgruppGrupp>,
    /// Målgrupperna. Id:t "alla" betyder alla.
    #[serde(default)]
    pub malgrupp: Vec<Ord>,
}

/// En grupp av målgrupper.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MalgruppGrupp {
    /// Gruppens id, t.ex. "migranter".
    pub id: String,
    /// Gruppens namn, t.ex. "Migranter och flyktingar".
    pub namn: String,
    /// Målgrupperna i gruppen: id ur `[[malgrupp]]` i samma fil.
    pub malgrupper: Vec<String>,
    /// Andra ord som användare kan skriva, t.ex. "flyktingar".
    #[serde(default)]
    pub synonymer: Vec<String>,
}

/// Ett ord i en vokabulär: id, namn och synonymer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ord {
    /// Id, t.ex. "foraldrar".
    pub id: String,
    /// Namn, t.ex. "Föräldrar".
    pub namn: String,
    /// Andra ord som användare kan skriva.
    #[serde(default)]
    pub synonymer: Vec<String>,
}

/// Aktörstyper (vokabular/aktorstyper.toml).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AktorstypVokabular {
    /// Aktörstyperna.
    #[serde(default)]
    pub typ: Vec<Aktorstyp>,
}

/// En aktörstyp.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Aktorstyp {
    /// Id, t.ex. "ideell-forening".
    pub id: String,
    /// Namn, t.ex. "Ideell förening".
    pub namn: String,
    /// Andra ord som användare kan skriva, t.ex. "förening".
    #[serde(default)]
    pub synonymer: Vec<String>,
}

/// Språk (vokabular/sprak.toml).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SprakVokabular {
    /// Språken.
    #[serde(default)]
    pub sprak: Vec<Sprak>,
}

/// Ett språk.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sprak {
    /// ISO 639-1-kod (två bokstäver), eller ISO 639-3 (tre) där språket saknar en sådan.
    pub kod: String,
    /// Svenskt namn, t.ex. "ukrainska".
    pub namn: String,
    /// Andra namn som användare kan skriva.
    #[serde(default)]
    pub synonymer: Vec<String>,
}

/// Sveriges län och kommuner med SCB-koder (vokabular/omraden.toml).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OmradeVokabular {
    /// Länen.
    #[serde(default)]
    pub lan: Vec<Omrade>,
    /// Kommunerna. En kommuns län är de två första siffrorna i koden.
    #[serde(default)]
    pub kommun: Vec<Omrade>,
}

/// Ett län eller en kommun.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Omrade {
    /// SCB-kod som text: "07" för ett län, "0780" för en kommun.
    pub kod: String,
    /// Namn, t.ex. "Kronobergs län" eller "Växjö".
    pub namn: String,
}
