//! The two-language message table. Every fixed word the tool prints lives here; an entry
//! without both languages does not compile.

use clap::ValueEnum;
use serde::Serialize;

use jiff::civil::Weekday;

use crate::catalog::model::{Depth, Evidence, Grade, Mechanism, Rating, Region, Scope, Text};
use crate::check::{Severity, Verdict};
use crate::compat::{PairRating, Via};

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// The language a locale string (`LC_ALL`, `LC_MESSAGES`, `LANG`) asks for; English unless
    /// it names Russian.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    pub fn text(self, text: &Text) -> &str {
        match self {
            Lang::En => &text.en,
            Lang::Ru => &text.ru,
        }
    }
}

macro_rules! messages {
    ($($key:ident => ($en:expr, $ru:expr),)*) => {
        /// A fixed message, in both languages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Ru) => $ru,)*
                }
            }
        }
    };
}

messages! {
    Id => ("id", "id"),
    Name => ("name", "название"),
    Class => ("class", "класс"),
    Classes => ("Classes", "Классы"),
    Goal => ("goal", "цель"),
    Goals => ("goals", "цели"),
    Actions => ("actions", "действия"),
    ActionsTitle => ("Actions", "Действия"),
    Route => ("route", "путь введения"),
    GoalsTitle => ("Goals", "Цели"),
    Zone => ("zone", "зона"),
    Zones => ("zones", "зоны"),
    ZonesTitle => ("Zones", "Зоны"),
    ConditionsTitle => ("Patient conditions", "Состояния пациента"),
    MedicationsTitle => ("Medications", "Лекарственные препараты"),
    IngredientsTitle => ("Ingredients", "Ингредиенты"),
    Status => ("status", "статус"),
    Aliases => ("aliases", "другие названия"),
    Description => ("description", "описание"),
    Members => ("members", "ингредиенты"),
    Region => ("region", "область"),
    DepthMm => ("depth, mm", "глубина, мм"),
    Depth => ("depth", "глубина"),
    Sessions => ("sessions", "сеансы"),
    IntervalDays => ("interval, days", "интервал, дней"),
    Maintenance => ("maintenance", "поддержка"),
    EveryDays => ("every {} days", "каждые {} дн."),
    NextCourseWithin => ("next course within {} days", "следующий курс в течение {} дн."),
    Scope => ("scope", "область действия"),
    Allergy => ("allergy", "аллергия"),
    Evidence => ("evidence", "доказательность"),
    Sources => ("sources", "источники"),
    SourcesTitle => ("Sources", "Источники"),
    Note => ("note", "примечание"),
    Rating => ("rating", "оценка"),
    Mechanism => ("mechanism", "механизм"),
    Via => ("via", "основание"),
    With => ("with", "с чем"),
    Efficacy => ("efficacy", "эффективность"),
    Ph => ("pH", "pH"),
    Concentration => ("concentration", "концентрация"),
    SessionLimit => ("per-session limit", "предел на сеанс"),
    AllowedZones => ("allowed zones", "разрешённые зоны"),
    AnyZone => ("any zone", "любая зона"),
    Course => ("course", "курс"),
    MaxSessions => ("at most {} sessions", "не более {} сеансов"),
    MinInterval => ("at least {} days apart", "интервал не менее {} дн."),
    MaxInterval => ("at most {} days apart", "интервал не более {} дн."),
    Contraindications => ("Contraindications", "Противопоказания"),
    Interactions => ("Medication interactions", "Взаимодействие с лекарствами"),
    Solo => ("Do not mix", "Не смешивать"),
    Notes => ("Notes", "Примечания"),
    PairsTitle => ("Pairs with data", "Пары с данными"),
    PairsNone => ("No pair in the catalog has data for this ingredient; every pair with it is unknown.", "Ни для одной пары с этим ингредиентом в каталоге нет данных; все такие пары — «нет данных»."),
    Matrix => ("Class compatibility matrix", "Матрица совместимости классов"),
    MatrixNote => (
        "Class edges hold only where a source supports the whole class; ingredient edges override them. \u{2014} means no class-level data: pairs are then rated by their own edges, by pH, or are unknown.",
        "Связи между классами указаны только там, где источник относится ко всему классу; связи между ингредиентами имеют приоритет. \u{2014} означает, что данных на уровне классов нет: пара оценивается по собственной связи, по pH или считается неизвестной."
    ),
    ClassEdgesTitle => ("Class edges", "Связи между классами"),
    General => ("applies to every session", "относится к любому сеансу"),
    GeneralWarning => ("general warning", "общее предупреждение"),
    InteractsWith => ("interacts with", "взаимодействует с"),
    ServedBy => ("served by", "ингредиенты"),
    Yes => ("yes", "да"),
    No => ("no", "нет"),
    None_ => ("\u{2014}", "\u{2014}"),
    Valid => ("valid", "корректен"),
    CatalogTitle => ("Catalog", "Каталог"),
    Version => ("version", "версия"),
    Counts => ("contents", "содержимое"),
    PairCoverage => ("pairs", "пары"),
    PairCoverageLine => ("{} of {} ingredient pairs rated; {} % have no data (never approved)", "оценено {} из {} пар ингредиентов; для {} % данных нет (такие пары не одобряются)"),
    CountsLine => (
        "ingredients: {}, classes: {}, goals: {}, zones: {}, conditions: {}, medications: {}, ingredient edges: {}, class edges: {}, sources: {}",
        "ингредиентов: {}, классов: {}, целей: {}, зон: {}, состояний: {}, препаратов: {}, связей ингредиентов: {}, связей классов: {}, источников: {}"
    ),
    Disclaimer => (
        "mesomix reports what its catalog's sources say; it supports a qualified practitioner's judgement and does not replace it.",
        "mesomix сообщает то, что говорят источники его каталога; он помогает квалифицированному специалисту, но не заменяет его решения."
    ),
    UnknownIngredient => ("unknown ingredient or product", "неизвестный ингредиент или препарат"),
    UnknownClass => ("unknown class", "неизвестный класс"),
    UnknownGoal => ("unknown goal", "неизвестная цель"),
    UnknownZone => ("unknown zone", "неизвестная зона"),
    UnknownCondition => ("unknown condition", "неизвестное состояние"),
    UnknownMedication => ("unknown medication", "неизвестный препарат"),
    DidYouMean => ("did you mean", "возможно, вы имели в виду"),
    NoMatch => ("No ingredient matches these filters.", "Ни один ингредиент не подходит под эти фильтры."),
    Error => ("error", "ошибка"),
    RuleZone => ("the course pattern of {}", "курсовая схема зоны «{}»"),
    RuleIngredient => ("the course limit of {}", "ограничение курса для {}"),
    RuleRequested => ("as requested (--sessions)", "по запросу (--sessions)"),
    PlanTitle => ("Course plan", "План курса"),
    Start => ("start", "начало"),
    MaxIntervalDays => ("longest interval, days", "наибольший интервал, дней"),
    StartInPast => ("The start date is in the past.", "Дата начала уже прошла."),
    SessionsTitle => ("Sessions", "Сеансы"),
    Number => ("#", "№"),
    Date => ("date", "дата"),
    Weekday => ("weekday", "день недели"),
    Aftercare => ("aftercare", "рекомендации после процедуры"),
    MaintenanceFrom => ("maintenance from {}, every {} days \u{2014} {}", "поддерживающие процедуры с {}, каждые {} дн. \u{2014} {}"),
    NextCourseBy => ("next course by {} \u{2014} {}", "следующий курс не позднее {} \u{2014} {}"),
    AfterTheCourse => ("After the course", "После курса"),
    Expectations => ("What to expect", "Ожидаемый результат"),
    IcsSession => ("Mesotherapy session {} of {}: {}", "Сеанс мезотерапии {} из {}: {}"),
    IcsAfterSession => ("after session", "после сеанса"),
    IcsMaintenance => ("Maintenance session (every {} days)", "Поддерживающая процедура (каждые {} дн.)"),
    IcsNextCourse => ("Start the next course by today", "Начать следующий курс не позднее этого дня"),
    ExcludedByUser => ("excluded with --exclude", "исключён через --exclude"),
    NoIngredientServes => ("no ingredient in the catalog performs this action here: no data", "ни один ингредиент каталога не выполняет это действие здесь: нет данных"),
    NoEligibleServes => ("no eligible ingredient performs it; those that do are out", "ни один допустимый ингредиент не выполняет это действие; подходящие исключены"),
    EveryCandidateConflicts => ("every eligible ingredient that performs it is blocked by a chosen one", "каждый допустимый ингредиент с этим действием нельзя набрать в шприц с выбранными"),
    NoDataFor => ("no data for {} × {}", "нет данных о совместимости: {} × {}"),
    NoDataWith => ("no data for it with {}: not approved in one syringe", "нет данных о совместимости (пара: {}): в одном шприце не допускается"),
    NoRoomFor => ("the cocktail is full (--max-components); these would perform it", "в коктейле нет места (--max-components); это действие выполнили бы"),
    ConflictsWith => ("cannot share the syringe with {} ({})", "нельзя в одном шприце с {} ({})"),
    NoRoomLeft => ("would add coverage, but the cocktail is full (--max-components)", "добавил бы охват, но в коктейле нет места (--max-components)"),
    AddsNothing => ("the chosen ingredients already perform its actions at least as well", "выбранные ингредиенты уже выполняют его действия не хуже"),
    FormulationTitle => ("Formulation", "Подбор коктейля"),
    Weight => ("weight", "вес"),
    Cocktail => ("cocktail", "коктейль"),
    CocktailTitle => ("Cocktail", "Коктейль"),
    NoCocktail => ("The catalog supports no cocktail for these goals and this patient.", "Каталог не позволяет составить коктейль для этих целей и этого пациента."),
    CoverageTitle => ("Coverage by action", "Охват по действиям"),
    DoseOver => ("{} is over the limit of {} ({} used)", "{} \u{2014} больше предела {} (использовано {})"),
    DoseNeedsWeight => ("{} against a limit per kilogram of body weight: give the weight (--weight) to apply it", "{} при пределе на килограмм массы тела: укажите массу (--weight), чтобы его применить"),
    AnaestheticSum => ("local anaesthetics add up: each as a share of its own maximum, together {} of one maximum (an inference: the labels say their toxic effects add up, not how)", "местные анестетики суммируются: каждый как доля своего максимума, вместе {} одного максимума (вывод: инструкции говорят, что токсичность суммируется, но не как)"),
    AnaestheticUnweighed => ("; an anaesthetic whose maximum is per kilogram was left out: give the weight (--weight)", "; анестетик с пределом на килограмм не учтён: укажите массу (--weight)"),
    Kg => ("kg", "кг"),
    NoClassEdges => ("No class edge in the catalog: every pair is rated by its ingredients alone.", "В каталоге нет связей между классами: каждая пара оценивается только по своим ингредиентам."),
    OtherClassesNoData => ("The other {} classes have no class-level rating: their pairs rest on ingredient edges, pH, or nothing (unknown).", "Для остальных классов ({}) нет оценки на уровне класса: их пары оцениваются по связям ингредиентов, по pH или остаются без данных."),
    DoseWithin => ("within", "в пределах"),
    DoseCaution => ("caution", "с осторожностью"),
    DoseOverWord => ("over the limit", "выше предела"),
    DosesTitle => ("Doses", "Дозы"),
    DosesCourseTitle => ("Doses over a course of {} sessions", "Дозы за курс из {} сеансов"),
    DosesCeiling => ("Volume × strength. No label gives a mesotherapy dose: every limit below is a ceiling from the route it was set for.", "Объём × концентрация. Ни одна инструкция не даёт дозу для мезотерапии: каждый предел ниже \u{2014} потолок для того пути введения, для которого он установлен."),
    Volume => ("volume", "объём"),
    WeightWord => ("weight", "масса тела"),
    Contained => ("contained", "в составе"),
    Active => ("active", "вещество"),
    AmountPerSession => ("per session", "за сеанс"),
    CourseTotal => ("course total", "за курс"),
    From => ("from", "из"),
    StrengthNotKnown => ("{}: the strength of its {} per ml is not known, so it is not dosed", "{}: концентрация {} на мл неизвестна, доза не рассчитана"),
    Total => ("total", "всего"),
    Used => ("used", "использовано"),
    AnaestheticsWord => ("local anaesthetics, each as a share of its own maximum", "местные анестетики, каждый как доля своего максимума"),
    ForKg => ("for {} kg", "при массе {} кг"),
    AtMost => ("at most {} of {}{} keeps {} within {}", "не больше {} {}{}, чтобы {} не превысил {}"),
    NoWeight => ("no weight given", "масса не указана"),
    LimitWord => ("limit", "предел"),
    Action => ("action", "действие"),
    Share => ("share", "доля"),
    OutOfThree => ("{} of 3", "{} из 3"),
    Enabling => ("enabling, not scored", "вспомогательное, не учитывается"),
    NotProven => ("not proven optimal: the search stopped at its node budget; this is the best found so far", "оптимальность не доказана: поиск остановлен по лимиту узлов; это лучший найденный вариант"),
    Search => ("search", "поиск"),
    TwoSyringesTitle => ("Two syringes, one session", "Два шприца за один сеанс"),
    TwoSyringesHint => ("one syringe cannot hold every action; these two syringes, injected in the same session, cover more ({} of 3 against {} of 3)", "один шприц не вмещает все действия; эти два шприца, введённые за один сеанс, охватывают больше ({} из 3 против {} из 3)"),
    SyringeN => ("syringe {}", "шприц {}"),
    RegimensTitle => ("Published regimens for these goals", "Опубликованные схемы для этих целей"),
    Regimen => ("regimen", "схема"),
    ForThisPatient => ("for this patient", "для этого пациента"),
    AsUsedIn => ("as used in a published regimen", "как в опубликованной схеме"),
    ContainsRegimen => ("contains a published regimen", "содержит опубликованную схему"),
    RegimenMatches => ("matches", "совпадает"),
    RegimenContained => ("contained", "входит целиком"),
    OtherZone => ("used in another zone", "применялась в другой зоне"),
    OneSyringe => ("one syringe", "в одном шприце"),
    SeparateInjections => ("separate injections", "отдельными инъекциями"),
    Precedent => ("A regimen is precedent, not a rating: the pairs are rated as the catalog says.", "Схема \u{2014} прецедент, а не оценка: пары оцениваются по данным каталога."),
    NotCovered => ("not covered", "не охвачена"),
    By => ("by", "чем"),
    UncoveredTitle => ("Uncovered actions", "Неохваченные действия"),
    AlternativeCocktails => ("Next best cocktails", "Следующие лучшие коктейли"),
    Rank => ("rank", "место"),
    CoverageScore => ("coverage", "охват"),
    Cautions => ("cautions", "предупреждения"),
    EvidenceScore => ("evidence", "доказательность"),
    NotChosenTitle => ("Perform a requested action but not chosen", "Выполняют нужное действие, но не выбраны"),
    ExcludedTitle => ("Excluded ingredients", "Исключённые ингредиенты"),
    GroupStatus => ("not available", "недоступен"),
    GroupZone => ("wrong zone", "не для этой зоны"),
    GroupPatient => ("ruled out for this patient", "исключён для пациента"),
    GroupUser => ("excluded by you", "исключён вами"),
    Ingredient => ("ingredient", "ингредиент"),
    Role => ("role: actions it covers best", "роль: действия, которые он выполняет лучше других"),
    Required => ("required (--require)", "обязателен (--require)"),
    Reason => ("reason", "причина"),
    NoDataPair => (
        "No source in the catalog covers this pair. No data is not \"compatible\": do not share a syringe on this basis.",
        "Ни один источник каталога не описывает эту пару. Отсутствие данных не означает совместимость: не смешивайте в одном шприце на этом основании."
    ),
    TooManyComponents => (
        "{} components, more than the --max-components setting of {}; doses are harder to judge in larger mixes (a setting, not a sourced limit)",
        "{} компонентов — больше, чем настройка --max-components ({}); в больших смесях труднее оценить дозы (это настройка, а не ограничение из источника)"
    ),
    NotInZone => ("not for the zone {}", "не предназначен для зоны «{}»"),
    ZoneConditionHint => (" (no session in the affected zone)", " (сеанс в поражённой зоне не проводится)"),
    RuledOutBy => ("contraindicated in {}", "противопоказан при состоянии «{}»"),
    CautionIn => ("use with caution in {}", "с осторожностью при состоянии «{}»"),
    AllergicTo => ("allergy to {}", "аллергия: {}"),
    UnknownCleared => ("unknown condition or medication to clear", "неизвестное состояние или препарат для разрешения"),
    UnknownAllergen => ("unknown allergen (not an allergy condition, ingredient or class)", "неизвестный аллерген (не аллергия из каталога, не ингредиент и не класс)"),
    CheckTitle => ("Check", "Проверка"),
    Verdict => ("verdict", "вердикт"),
    Mix => ("mix", "смесь"),
    Patient => ("patient", "пациент"),
    PairsWorstFirst => ("Pairs (worst first)", "Пары (сначала худшие)"),
    Pair => ("pair", "пара"),
    Findings => ("Findings", "Замечания"),
    Subject => ("subject", "предмет"),
    Suggestions => ("Suggestions", "Предложения"),
    RemoveOneOf => ("Remove the fewest ingredients, one of:", "Убрать наименьшее число ингредиентов, один из вариантов:"),
    Or => ("or", "или"),
    NotProvenMinimal => (" (heuristic: not proven to be the fewest)", " (эвристика: минимальность не доказана)"),
    SplitInto => ("Or split into {} syringes{}:", "Или разделить на шприцы ({}){}:"),
    Syringe => ("syringe", "шприц"),
    BlockedAlone => ("Ruled out on its own, so in no suggested syringe (see the findings): {}", "Недопустимо само по себе, поэтому не входит ни в один предложенный шприц (см. замечания): {}"),
    NoneApprovableSession => ("Nothing to suggest: a finding about the patient rules out every syringe in this session (see the findings).", "Предложить нечего: замечание о пациенте исключает любой шприц в этом сеансе (см. замечания)."),
    NoneApprovableIngredients => ("Nothing approvable remains: no syringe made from these ingredients passes the check.", "Одобрить нечего: ни один шприц из этих ингредиентов не проходит проверку."),
    Alternatives => ("Alternatives", "Замены"),
    Replaces => ("replaces", "вместо"),
    Alternative => ("alternative", "замена"),
    WorstWithRest => ("worst with the rest", "худшая оценка с остальными"),
    VerdictCompatible => ("Every pair is known compatible and nothing about the patient stands in the way.", "Все пары известны как совместимые, и со стороны пациента препятствий нет."),
    VerdictCaution => ("Nothing blocks, but read each caution below before mixing.", "Препятствий нет, но перед смешиванием прочтите каждое предупреждение ниже."),
    VerdictUnknown => ("At least one pair has no data: the mix is not approved.", "Хотя бы для одной пары нет данных: смесь не одобрена."),
    VerdictIncompatible => ("Do not use this syringe as listed: see the incompatible pairs and findings below.", "Не использовать шприц в таком составе: см. несовместимые пары и замечания ниже."),
    VerdictPostpone => ("Postpone the session: the patient has a temporary contraindication.", "Перенесите сеанс: у пациента временное противопоказание."),
    VerdictRefused => ("No mesotherapy for this patient: an absolute contraindication.", "Мезотерапия этому пациенту не проводится: абсолютное противопоказание."),
    ExplainTitle => ("How the rating was reached", "Как получена оценка"),
    Steps => ("Steps", "Шаги"),
    StepIngredientEdge => ("ingredient edge", "связь ингредиентов"),
    StepClaims => ("claims on the pair (its edge and each ingredient's \"do not mix\" rule; the strongest grade decides, then the more severe; a \"do not mix\" rule never makes a pair milder than its edge)", "утверждения о паре (её связь и правило «не смешивать» каждого ингредиента; решает самый сильный уровень доказательности, затем более строгая оценка; правило «не смешивать» не смягчает оценку связи)"),
    ClaimDecides => ("decides", "решает"),
    ClaimConflicts => ("conflicting evidence", "противоречащие данные"),
    ClaimAgrees => ("agrees", "согласуется"),
    Contains => ("contains {}", "содержит {}"),
    ProductsTitle => ("Products", "Препараты"),
    Actives => ("actives", "действующие вещества"),
    ActivesTitle => ("Actives", "Действующие вещества"),
    Registration => ("registration", "регистрация"),
    Maker => ("maker", "производитель"),
    Presentation => ("presentation", "форма выпуска"),
    Uses => ("uses", "применение"),
    NotFoundInSources => ("not found in the sources read", "в прочитанных источниках не найдено"),
    ContainsTitle => ("Contains", "Содержит"),
    RulesOutIn => ("rules it out in", "исключает при состоянии"),
    ComponentRulesOut => ("contains {}: ruled out in {}", "содержит {}: исключено при состоянии «{}»"),
    NeedsClearance => ("relative contraindication: treat only with the prescriber's or physician's clearance, then record it with `--cleared {}`", "относительное противопоказание: лечение только с разрешения лечащего врача; отметьте разрешение: `--cleared {}`"),
    ClearanceGiven => ("cleared by the prescriber or physician (`--cleared {}`); still a caution", "разрешено лечащим врачом (`--cleared {}`); осторожность сохраняется"),
    Cleared => ("cleared: {}", "разрешено врачом: {}"),
    ConflictingEvidence => ("Conflicting evidence and conditions", "Противоречащие данные и условия"),
    OnlyWhen => ("holds only when", "верно только при условии:"),
    RuleOf => ("\"do not mix\" rule of", "правило «не смешивать» для"),
    StepClassEdge => ("class edge", "связь классов"),
    StepPh => ("pH inference", "вывод по pH"),
    StepResult => ("result", "итог"),
    NoEdge => ("none in the catalog", "в каталоге нет"),
    Overridden => ("overridden by the ingredient edge", "перекрыта связью ингредиентов"),
    Decides => ("decides the rating", "определяет оценку"),
    PhUnknown => ("pH unknown", "pH неизвестен"),
    PhGapDecisive => ("ranges {} units apart, more than {}: caution by inference", "диапазоны различаются на {} ед., более {}: осторожность (вывод)"),
    PhGapSmall => ("ranges {} units apart, not more than {}: no inference", "диапазоны различаются на {} ед., не более {}: вывода нет"),
    PhNotApplicable => ("not applicable: both pH ranges must be known", "неприменимо: нужны оба диапазона pH"),
    NotUsed => ("not used, a claim or edge decided first", "не использован: оценку уже дали утверждение или связь"),
    BadPatientFile => ("invalid patient file", "неверный файл пациента"),
}

/// The word for a verdict.
pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match (v, lang) {
        (Verdict::Compatible, Lang::En) => "compatible",
        (Verdict::Compatible, Lang::Ru) => "совместимо",
        (Verdict::Caution, Lang::En) => "caution",
        (Verdict::Caution, Lang::Ru) => "с осторожностью",
        (Verdict::Unknown, Lang::En) => "unknown",
        (Verdict::Unknown, Lang::Ru) => "нет данных",
        (Verdict::Incompatible, Lang::En) => "incompatible",
        (Verdict::Incompatible, Lang::Ru) => "несовместимо",
        (Verdict::Postpone, Lang::En) => "postpone",
        (Verdict::Postpone, Lang::Ru) => "отложить",
        (Verdict::Refused, Lang::En) => "refused",
        (Verdict::Refused, Lang::Ru) => "отказ",
    }
}

/// The sentence that explains a verdict.
pub fn verdict_sentence(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Compatible => Msg::VerdictCompatible.get(lang),
        Verdict::Caution => Msg::VerdictCaution.get(lang),
        Verdict::Unknown => Msg::VerdictUnknown.get(lang),
        Verdict::Incompatible => Msg::VerdictIncompatible.get(lang),
        Verdict::Postpone => Msg::VerdictPostpone.get(lang),
        Verdict::Refused => Msg::VerdictRefused.get(lang),
    }
}

/// The word for a finding's severity: its verdict's word, or "info".
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    match (s.verdict(), lang) {
        (Some(v), _) => verdict(v, lang),
        (None, Lang::En) => "info",
        (None, Lang::Ru) => "к сведению",
    }
}

/// The name of a day of the week.
pub fn weekday(w: Weekday, lang: Lang) -> &'static str {
    match (w, lang) {
        (Weekday::Monday, Lang::En) => "Monday",
        (Weekday::Monday, Lang::Ru) => "понедельник",
        (Weekday::Tuesday, Lang::En) => "Tuesday",
        (Weekday::Tuesday, Lang::Ru) => "вторник",
        (Weekday::Wednesday, Lang::En) => "Wednesday",
        (Weekday::Wednesday, Lang::Ru) => "среда",
        (Weekday::Thursday, Lang::En) => "Thursday",
        (Weekday::Thursday, Lang::Ru) => "четверг",
        (Weekday::Friday, Lang::En) => "Friday",
        (Weekday::Friday, Lang::Ru) => "пятница",
        (Weekday::Saturday, Lang::En) => "Saturday",
        (Weekday::Saturday, Lang::Ru) => "суббота",
        (Weekday::Sunday, Lang::En) => "Sunday",
        (Weekday::Sunday, Lang::Ru) => "воскресенье",
    }
}

pub fn rating(r: Rating, lang: Lang) -> &'static str {
    pair_rating(r.into(), lang)
}

pub fn pair_rating(r: PairRating, lang: Lang) -> &'static str {
    match (r, lang) {
        (PairRating::Compatible, Lang::En) => "compatible",
        (PairRating::Compatible, Lang::Ru) => "совместимы",
        (PairRating::Caution, Lang::En) => "caution",
        (PairRating::Caution, Lang::Ru) => "с осторожностью",
        (PairRating::Unknown, Lang::En) => "unknown",
        (PairRating::Unknown, Lang::Ru) => "нет данных",
        (PairRating::Incompatible, Lang::En) => "incompatible",
        (PairRating::Incompatible, Lang::Ru) => "несовместимы",
    }
}

pub fn via(v: Via, lang: Lang) -> &'static str {
    match (v, lang) {
        (Via::Ingredient, Lang::En) => "ingredient edge",
        (Via::Ingredient, Lang::Ru) => "связь ингредиентов",
        (Via::Rule, Lang::En) => "rule (do not mix)",
        (Via::Rule, Lang::Ru) => "правило («не смешивать»)",
        (Via::Class, Lang::En) => "class edge",
        (Via::Class, Lang::Ru) => "связь классов",
        (Via::Ph, Lang::En) => "pH inference",
        (Via::Ph, Lang::Ru) => "вывод по pH",
        (Via::None, Lang::En) => "no data",
        (Via::None, Lang::Ru) => "нет данных",
    }
}

pub fn evidence(e: Evidence, lang: Lang) -> &'static str {
    match (e, lang) {
        (Evidence::Label, Lang::En) => "label",
        (Evidence::Label, Lang::Ru) => "инструкция",
        (Evidence::Peer, Lang::En) => "peer-reviewed",
        (Evidence::Peer, Lang::Ru) => "рецензируемая статья",
        (Evidence::Weak, Lang::En) => "weak",
        (Evidence::Weak, Lang::Ru) => "слабый источник",
        (Evidence::Inference, Lang::En) => "inference",
        (Evidence::Inference, Lang::Ru) => "вывод",
    }
}

pub fn route(r: crate::catalog::model::Route, lang: Lang) -> &'static str {
    use crate::catalog::model::Route;
    match (r, lang) {
        (Route::Local, Lang::En) => "local injection",
        (Route::Local, Lang::Ru) => "местное введение",
        (Route::Systemic, Lang::En) => "systemic",
        (Route::Systemic, Lang::Ru) => "системно",
        (Route::Topical, Lang::En) => "topical",
        (Route::Topical, Lang::Ru) => "наружно",
        (Route::Preclinical, Lang::En) => "preclinical",
        (Route::Preclinical, Lang::Ru) => "доклинически",
    }
}

pub fn limit_route(r: crate::catalog::model::LimitRoute, lang: Lang) -> &'static str {
    use crate::catalog::model::LimitRoute;
    match (r, lang) {
        (LimitRoute::Local, Lang::En) => "set for local injection",
        (LimitRoute::Local, Lang::Ru) => "для местного введения",
        (LimitRoute::Intravenous, Lang::En) => {
            "set for intravenous use: a ceiling from another route"
        }
        (LimitRoute::Intravenous, Lang::Ru) => {
            "для внутривенного введения: потолок из другого пути введения"
        }
        (LimitRoute::Intramuscular, Lang::En) => {
            "set for intramuscular use: a ceiling from another route"
        }
        (LimitRoute::Intramuscular, Lang::Ru) => {
            "для внутримышечного введения: потолок из другого пути введения"
        }
        (LimitRoute::Oral, Lang::En) => "set for oral use: a ceiling from another route",
        (LimitRoute::Oral, Lang::Ru) => "для приёма внутрь: потолок из другого пути введения",
    }
}

pub fn grade(g: Grade, lang: Lang) -> &'static str {
    match g {
        Grade::Label => evidence(Evidence::Label, lang),
        Grade::Peer => evidence(Evidence::Peer, lang),
        Grade::Weak => evidence(Evidence::Weak, lang),
    }
}

pub fn scope(s: Scope, lang: Lang) -> &'static str {
    match (s, lang) {
        (Scope::Absolute, Lang::En) => "absolute: no mesotherapy",
        (Scope::Absolute, Lang::Ru) => "абсолютное: мезотерапия не проводится",
        (Scope::Postpone, Lang::En) => "postpone the session",
        (Scope::Postpone, Lang::Ru) => "перенести сеанс",
        (Scope::Zone, Lang::En) => "not in the affected zone",
        (Scope::Zone, Lang::Ru) => "не в поражённой зоне",
        (Scope::Ingredient, Lang::En) => "rules out named ingredients",
        (Scope::Ingredient, Lang::Ru) => "исключает указанные ингредиенты",
        (Scope::Relative, Lang::En) => "relative: needs the prescriber's clearance",
        (Scope::Relative, Lang::Ru) => "относительное: нужно разрешение лечащего врача",
    }
}

pub fn region(r: Region, lang: Lang) -> &'static str {
    match (r, lang) {
        (Region::Face, Lang::En) => "face",
        (Region::Face, Lang::Ru) => "лицо",
        (Region::Body, Lang::En) => "body",
        (Region::Body, Lang::Ru) => "тело",
        (Region::Scalp, Lang::En) => "scalp",
        (Region::Scalp, Lang::Ru) => "кожа головы",
    }
}

pub fn depth(d: Depth, lang: Lang) -> &'static str {
    match (d, lang) {
        (Depth::Intradermal, Lang::En) => "intradermal",
        (Depth::Intradermal, Lang::Ru) => "внутрикожно",
        (Depth::Subcutaneous, Lang::En) => "subcutaneous",
        (Depth::Subcutaneous, Lang::Ru) => "подкожно",
    }
}

pub fn mechanism(m: Mechanism, lang: Lang) -> &'static str {
    use Mechanism::*;
    match (m, lang) {
        (EnzymaticDegradation, Lang::En) => "enzymatic degradation",
        (EnzymaticDegradation, Lang::Ru) => "ферментативное разрушение",
        (PhPrecipitation, Lang::En) => "pH precipitation",
        (PhPrecipitation, Lang::Ru) => "осаждение из-за pH",
        (PhInstability, Lang::En) => "unstable at the other's pH",
        (PhInstability, Lang::Ru) => "нестабильность при pH другого компонента",
        (Oxidation, Lang::En) => "oxidation",
        (Oxidation, Lang::Ru) => "окисление",
        (MetalInhibition, Lang::En) => "metal-ion inhibition",
        (MetalInhibition, Lang::Ru) => "ингибирование ионами металлов",
        (EnzymeInhibition, Lang::En) => "enzyme inhibition",
        (EnzymeInhibition, Lang::Ru) => "ингибирование фермента",
        (PharmacologicalAntagonism, Lang::En) => "pharmacological antagonism",
        (PharmacologicalAntagonism, Lang::Ru) => "фармакологический антагонизм",
        (AdditiveToxicity, Lang::En) => "additive toxicity",
        (AdditiveToxicity, Lang::Ru) => "суммирование токсичности",
        (AbsorptionChange, Lang::En) => "changed absorption",
        (AbsorptionChange, Lang::Ru) => "изменение всасывания",
        (SaltFormation, Lang::En) => "inactive salt formation",
        (SaltFormation, Lang::Ru) => "образование неактивной соли",
        (CoFormulated, Lang::En) => "co-formulated product",
        (CoFormulated, Lang::Ru) => "в составе одного препарата",
        (DocumentedCoUse, Lang::En) => "documented co-use",
        (DocumentedCoUse, Lang::Ru) => "описано совместное применение",
        (LabelAdmixture, Lang::En) => "label permits admixture",
        (LabelAdmixture, Lang::Ru) => "смешивание разрешено инструкцией",
    }
}

/// The status word and whether the ingredient may be used.
pub fn status(s: &crate::catalog::model::Status, lang: Lang) -> &'static str {
    use crate::catalog::model::Status::*;
    match (s, lang) {
        (Available, Lang::En) => "available",
        (Available, Lang::Ru) => "доступен",
        (Withdrawn { .. }, Lang::En) => "withdrawn",
        (Withdrawn { .. }, Lang::Ru) => "отозван",
        (NotInjectable { .. }, Lang::En) => "not injectable",
        (NotInjectable { .. }, Lang::Ru) => "не для инъекций",
        (Unapproved { .. }, Lang::En) => "unapproved",
        (Unapproved { .. }, Lang::Ru) => "не одобрен",
    }
}

/// Column headers in `lang`.
pub fn header(msgs: &[Msg], lang: Lang) -> Vec<String> {
    msgs.iter().map(|m| m.get(lang).to_owned()).collect()
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    use std::fmt::Write as _;
    // Room for the template and a short value in each place: most fills then allocate once.
    let mut out = String::with_capacity(template.len() + 24 * values.len());
    let mut values = values.iter();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(v) = values.next() {
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{v}");
        }
        out.push_str(part);
    }
    out
}

/// How a product is registered, in words.
pub fn registration(r: crate::catalog::model::Registration, lang: Lang) -> &'static str {
    use crate::catalog::model::Registration as R;
    match (r, lang) {
        (R::Drug, Lang::En) => "medicine",
        (R::Drug, Lang::Ru) => "лекарственный препарат",
        (R::Device, Lang::En) => "medical device",
        (R::Device, Lang::Ru) => "медицинское изделие",
        (R::Cosmetic, Lang::En) => "cosmetic",
        (R::Cosmetic, Lang::Ru) => "косметическое средство",
        (R::Unapproved, Lang::En) => "not approved for this use",
        (R::Unapproved, Lang::Ru) => "не одобрен для такого применения",
        (R::Unknown, Lang::En) => "registration not found",
        (R::Unknown, Lang::Ru) => "регистрация не найдена",
    }
}
