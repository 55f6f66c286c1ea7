//! Test data for the charts module: the bundled dataset, forums and objectives (read with
//! serde-saphyr, independent of `validate`), and generated forums and contributions of
//! any size, so tests exercise both the real portal and the scale of a big site.

use serde::Deserialize;

use crate::model::{
    Action, ActionId, Actor, Contribution, Dataset, Forum, ForumCategory, ForumId, Objective,
    ObjectiveId, Stakeholder, StakeholderType,
};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `content/data/datasets/affordability-2021-2022.csv` as a model dataset.
pub fn affordability() -> Dataset {
    let text = read("content/data/datasets/affordability-2021-2022.csv");
    let mut lines = text.lines();
    let split = |line: &str| line.split(',').map(str::to_owned).collect::<Vec<_>>();
    Dataset {
        name: "affordability-2021-2022".to_owned(),
        file: "content/data/datasets/affordability-2021-2022.csv".to_owned(),
        columns: lines.next().map(split).unwrap_or_default(),
        rows: lines.map(split).collect(),
    }
}

#[derive(Deserialize)]
struct RawForum {
    id: String,
    name: String,
    category: String,
    #[serde(default)]
    objectives: Vec<String>,
}

/// The bundled `content/data/forums.yaml`.
pub fn bundled_forums() -> Vec<Forum> {
    let raw: Vec<RawForum> = serde_saphyr::from_str(&read("content/data/forums.yaml"))
        .unwrap_or_else(|error| panic!("forums.yaml: {error}"));
    raw.into_iter()
        .map(|forum| {
            let category = ForumCategory::parse(&forum.category)
                .unwrap_or_else(|| panic!("category {}", forum.category));
            let objectives = forum.objectives.into_iter().map(ObjectiveId::new).collect();
            self::forum(&forum.id, &forum.name, category, objectives)
        })
        .collect()
}

pub fn forum(id: &str, name: &str, category: ForumCategory, objectives: Vec<ObjectiveId>) -> Forum {
    Forum {
        id: ForumId::new(id),
        name: name.to_owned(),
        category,
        host: None,
        since: None,
        cadence: None,
        url: None,
        objectives,
        description: None,
        name_lang: None,
        host_lang: None,
        cadence_lang: None,
        description_lang: None,
        lifespan: Default::default(),
    }
}

/// `count` forums spread over the categories, with names from 4 to 130 characters.
pub fn many_forums(count: usize) -> Vec<Forum> {
    let words = [
        "Global",
        "Forum",
        "on",
        "Artificial",
        "Intelligence",
        "and",
        "Data",
        "Governance",
        "for",
        "Sustainable",
        "Development",
        "Commission",
        "Internationale",
        "Multistakeholder",
        "Partnership",
        "Cybersecurity",
        "Supercalifragilistic",
    ];
    (0..count)
        .map(|index| {
            let length = 1 + (index * 7) % 19;
            let name: Vec<&str> = (0..length)
                .map(|w| words[(index + w * 3) % words.len()])
                .collect();
            let category = ForumCategory::ALL[(index * 3) % ForumCategory::ALL.len()];
            forum(
                &format!("forum-{index}"),
                &name.join(" "),
                category,
                vec![ObjectiveId::new("A")],
            )
        })
        .collect()
}

#[derive(Deserialize)]
struct RawObjective {
    id: String,
    title: String,
    actions: Vec<RawAction>,
}

#[derive(Deserialize)]
struct RawAction {
    id: String,
    text: String,
}

/// The bundled `content/data/objectives.yaml`.
pub fn bundled_objectives() -> Vec<Objective> {
    let raw: Vec<RawObjective> = serde_saphyr::from_str(&read("content/data/objectives.yaml"))
        .unwrap_or_else(|error| panic!("objectives.yaml: {error}"));
    raw.into_iter()
        .map(|objective| Objective {
            id: ObjectiveId::new(objective.id),
            title: objective.title,
            description: None,
            actions: objective
                .actions
                .into_iter()
                .map(|action| Action {
                    id: ActionId::new(action.id),
                    actor: Actor::AllStakeholders,
                    text: action.text,
                    text_lang: None,
                    lifespan: Default::default(),
                })
                .collect(),
            title_lang: None,
            description_lang: None,
            lifespan: Default::default(),
        })
        .collect()
}

/// `count` contributions over editions 2025 and 2026, each on one to three actions of
/// `objectives`, leaving some (action, stakeholder type) pairs empty on purpose: no
/// youth contribution reports on objective A.
pub fn contributions(objectives: &[Objective], count: usize) -> Vec<Contribution> {
    let actions: Vec<&str> = objectives
        .iter()
        .flat_map(|objective| objective.actions.iter().map(|action| action.id.as_str()))
        .collect();
    (0..count)
        .map(|index| {
            let kind = StakeholderType::ALL[index % StakeholderType::ALL.len()];
            let picked: Vec<String> = (0..1 + index % 3)
                .map(|step| actions[(index * 7 + step * 13) % actions.len()].to_owned())
                .filter(|action| !(kind == StakeholderType::Youth && action.starts_with('A')))
                .collect();
            contribution(index, kind, picked, 2025 + (index % 2) as i32)
        })
        .collect()
}

pub fn contribution(
    index: usize,
    kind: StakeholderType,
    actions: Vec<String>,
    edition: i32,
) -> Contribution {
    Contribution {
        title: format!("Contribution {index}"),
        stakeholder: Stakeholder {
            name: "Someone".to_owned(),
            kind,
            country: None,
        },
        actions: actions.into_iter().map(ActionId::new).collect(),
        edition,
        ..Contribution::example(&format!("contribution-{index}"))
    }
}
