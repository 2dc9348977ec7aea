//! The search index (src/load/index.rs): `sok --behov` with it finds exactly what it finds without
//! it, whatever happens to the files between two searches; a file changed too recently to be
//! sure of is never entered; the index is kept outside the data folder.

mod common;

use std::path::Path;

use common::{layered, resurs, stdout};
use resurs::load::index::SearchIndex;
use resurs::load::{Checks, Files, LoadOptions, Prefilter, load};
use resurs::search::{DEFAULT_STATUS, Query, search};

fn ids(root: &Path) -> Vec<String> {
    let vocabulary = LoadOptions {
        checks: Checks::Quick,
        files: Files::Vocabulary,
        ..LoadOptions::default()
    };
    load(root, &vocabulary).unwrap().vokabular.kategori_ids()
}

/// What `sok` asks of the load.
fn search_for(prefilter: &Prefilter) -> LoadOptions<'_> {
    LoadOptions {
        checks: Checks::Quick,
        files: Files::Prefiltered(prefilter),
        ..LoadOptions::default()
    }
}

/// The hits for `kategori`: without an index, and with the index (saved afterwards).
fn both(
    cache: &Path,
    root: &Path,
    kategori: &str,
    racy_from: i64,
) -> (Vec<String>, Vec<String>, usize) {
    let q = Query {
        behov: vec![kategori.to_owned()],
        status: DEFAULT_STATUS.to_vec(),
        ..Default::default()
    };
    let k = [kategori.to_owned()];
    let plain = load(root, &search_for(&Prefilter::kategorier(&k))).unwrap();
    let index = SearchIndex::open_at(cache, root, &ids(root), racy_from).unwrap();
    let prefilter = Prefilter::kategorier(&k).with_index(index, &k);
    let fast = load(root, &search_for(&prefilter)).unwrap();
    prefilter.save_index();
    let hits = |ds| search(ds, &q).iter().map(|h| h.id.to_owned()).collect();
    (hits(&plain), hits(&fast), fast.files_skipped)
}

const TRUST_ALL: i64 = i64::MAX;

#[test]
fn the_index_follows_every_kind_of_change() {
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path();
    let d = layered(&["bas", "sok"]);
    let root = d.path();
    let ins = root.join("aktorer/alvesta-kyrka/insatser");
    // First search builds the index; the second uses it and skips files.
    let (a, b, _) = both(cache, root, "samtalsstod", TRUST_ALL);
    assert_eq!(a, b);
    let (a, b, skipped) = both(cache, root, "samtalsstod", TRUST_ALL);
    assert_eq!(a, b);
    assert!(skipped > 0, "the index let files be skipped");
    let before = a.len();

    // An offering changes its category (and size).
    let text = std::fs::read_to_string(ins.join("pausad-mat.toml")).unwrap();
    let edited = text
        .replace("status = \"pausad\"", "status = \"aktiv\"")
        .replace("[\"mat\"]", "[\"samtalsstod\", \"mat\"]");
    assert_ne!(text, edited, "the fixture has the values replaced");
    std::fs::write(ins.join("pausad-mat.toml"), &edited).unwrap();
    let (a, b, _) = both(cache, root, "samtalsstod", TRUST_ALL);
    assert_eq!(a, b);
    assert_eq!(a.len(), before + 1);

    // A new file, a removed file, a file replaced by a rename (a new inode).
    std::fs::write(ins.join("ny.toml"), &edited).unwrap();
    std::fs::remove_file(ins.join("samtal.toml")).unwrap();
    let tmp = root.join("aktorer/alvesta-kyrka/tmp.toml");
    std::fs::write(&tmp, text.replace("Mat", "Mat!")).unwrap();
    std::fs::rename(&tmp, ins.join("pausad-mat.toml")).unwrap();
    let (a, b, _) = both(cache, root, "samtalsstod", TRUST_ALL);
    assert_eq!(a, b);

    // The same size and the modification time set back: the change time still differs.
    let old = std::fs::metadata(ins.join("ny.toml"))
        .unwrap()
        .modified()
        .unwrap();
    let same_size = edited.replace("samtalsstod", "samtalssto_");
    assert_eq!(same_size.len(), edited.len());
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(ins.join("ny.toml"), &same_size).unwrap();
    std::fs::File::options()
        .write(true)
        .open(ins.join("ny.toml"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    let (a, b, _) = both(cache, root, "samtalsstod", TRUST_ALL);
    assert_eq!(a, b);
    assert!(!a.iter().any(|id| id.ends_with("/ny")));
}

/// A file changed within the last seconds is never entered: a second change in the same clock
/// tick, with the same size, could otherwise leave its row looking current.
#[test]
fn a_file_changed_just_now_is_not_entered() {
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path();
    let d = layered(&["bas", "sok"]);
    let root = d.path();
    let index = SearchIndex::open_at(cache, root, &ids(root), 0).unwrap();
    let path = index.path().to_path_buf();
    drop(index);
    // Every file of the fixture was written a moment ago.
    let (a, b, _) = both(cache, root, "samtalsstod", resurs_now() - 3);
    assert_eq!(a, b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 1, "only the header: {text}");
    // Old files are entered.
    let (a, b, _) = both(cache, root, "samtalsstod", resurs_now() + 60);
    assert_eq!(a, b);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.lines().count() > 5, "{text}");
}

fn resurs_now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

/// `sok` keeps an index for a big folder, outside the data folder, and finds the same with
/// and without it; `--utan-index` reads every file.
#[test]
fn sok_keeps_its_index_outside_the_data_folder() {
    let d = layered(&["bas", "sok"]);
    let offering =
        std::fs::read_to_string(d.path().join("aktorer/alvesta-kyrka/insatser/samtal.toml"))
            .unwrap();
    let other = offering.replace("samtalsstod", "mat");
    common::copy_actor(d.path(), "alvesta-kyrka", 1_100, |i| {
        let text = if i % 100 == 0 { &offering } else { &other };
        ("annan.toml".into(), text.clone())
    });
    let listing = |p: &Path| -> Vec<String> {
        let mut v: Vec<String> = walkdir::WalkDir::new(p)
            .into_iter()
            .map(|e| e.unwrap().path().display().to_string())
            .collect();
        v.sort();
        v
    };
    let files_before = listing(d.path());
    let args = ["sok", "--behov", "samtalsstod", "--format", "json"];
    let first = resurs(d.path(), &args);
    let second = resurs(d.path(), &args);
    let mut plain_args = args.to_vec();
    plain_args.push("--utan-index");
    let plain = resurs(d.path(), &plain_args);
    assert_eq!(stdout(&first), stdout(&plain));
    assert_eq!(stdout(&second), stdout(&plain));
    assert!(stdout(&plain).matches("kopia-").count() >= 11);
    assert_eq!(
        listing(d.path()),
        files_before,
        "nothing written in the data folder"
    );
}
