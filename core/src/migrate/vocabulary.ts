/**
 * The vocabularies migration understands, described once: column names per template field in
 * English, German, French and Spanish; status words to RAG and Stage; RAID item types; risk
 * responses; KPI directions; dependency phrasings; month and weekday names. The mapping, the
 * normalisers and docs/MIGRATION.md are all built from these tables, so they cannot drift.
 */
import type { Direction, Rag, Stage } from "../template/sheets.ts";

export const LANGUAGES = ["en", "de", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
};

/** What a column's values must look like for it to fill a field. */
export type ValueKind =
  | "id"
  | "text"
  | "name"
  | "date"
  | "number"
  | "percent"
  | "status"
  | "rag"
  | "dependencies"
  | "direction"
  | "period"
  | "raidType"
  | "response";

export type FieldKey =
  | "id"
  | "objective"
  | "name"
  | "keyResult"
  | "team"
  | "owner"
  | "start"
  | "due"
  | "stage"
  | "rag"
  | "progress"
  | "dependsOn"
  | "comment"
  | "pathToGreen"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "direction"
  | "period"
  | "type"
  | "from"
  | "to"
  | "probability"
  | "impact"
  | "response";

export interface FieldSpec {
  readonly key: FieldKey;
  /** Where the value lands in the template, for people reading the mapping. */
  readonly lands: string;
  readonly values: ValueKind;
  /** Column names by language. A name followed by `~` is a weaker hint (scored lower). */
  readonly names: Readonly<Record<Language, readonly string[]>>;
}

const f = (
  key: FieldKey,
  lands: string,
  values: ValueKind,
  names: Record<Language, readonly string[]>,
): FieldSpec => ({ key, lands, values, names });

export const FIELDS: readonly FieldSpec[] = [
  f(
    "id",
    "the source's own number, kept in an extra column; `#4` in a dependency refers to it",
    "id",
    {
      en: [
        "id",
        "#",
        "no",
        "number",
        "ref",
        "reference",
        "key",
        "ticket",
        "ticket id",
        "ticket number",
        "ticket no",
        "issue key",
        "item #",
        "item id",
        "task id",
        "task #",
        "item no",
        "wbs~",
      ],
      de: ["nr", "nummer", "lfd nr", "laufende nummer", "kennung"],
      fr: ["n°", "numero", "num", "ref", "identifiant"],
      es: ["n.º", "numero", "num", "referencia", "identificador"],
    },
  ),
  f("objective", "Objectives (one per distinct value); the row's Objective ID", "text", {
    en: [
      "objective",
      "objectives",
      "goal",
      "okr",
      "program",
      "programme",
      "delivery program",
      "portfolio~",
      "theme",
      "strategic objective",
      "pillar",
      "outcome~",
      "epic~",
      "initiative group",
    ],
    de: [
      "ziel",
      "ziele",
      "programm",
      "strategisches ziel",
      "oberziel",
      "handlungsfeld",
      "themenfeld",
    ],
    fr: ["objectif", "objectifs", "programme", "axe", "axe strategique", "chantier"],
    es: ["objetivo", "objetivos", "programa", "eje", "linea estrategica"],
  }),
  f(
    "name",
    "Initiative (or Objective for objective rows, KPI for key results, Deliverable for dependencies)",
    "name",
    {
      en: [
        "initiative",
        "initiatives",
        "project",
        "project name",
        "task",
        "task name",
        "activity",
        "title",
        "name",
        "item",
        "work item",
        "summary",
        "subject",
        "action",
        "risk",
        "risk description",
        "issue",
        "description~",
        "deliverable~",
        "milestone~",
      ],
      de: [
        "initiative",
        "projekt",
        "projektname",
        "vorhaben",
        "aufgabe",
        "massnahme",
        "titel",
        "bezeichnung",
        "vorgang",
        "arbeitspaket",
        "risiko",
        "risikobeschreibung",
        "beschreibung~",
      ],
      fr: [
        "initiative",
        "projet",
        "nom du projet",
        "tache",
        "activite",
        "titre",
        "intitule",
        "libelle",
        "action",
        "risque",
        "description~",
      ],
      es: [
        "iniciativa",
        "proyecto",
        "nombre del proyecto",
        "tarea",
        "actividad",
        "titulo",
        "nombre",
        "accion",
        "riesgo",
        "descripcion~",
      ],
    },
  ),
  f("keyResult", "KPIs (one per row): the KPI's name", "name", {
    en: [
      "key result",
      "key results",
      "kr",
      "kpi",
      "kpis",
      "metric",
      "measure",
      "indicator",
      "success measure",
    ],
    de: ["schlusselergebnis", "kennzahl", "kpi", "messgrosse", "indikator"],
    fr: ["resultat cle", "resultats cles", "indicateur", "kpi", "mesure"],
    es: ["resultado clave", "resultados clave", "indicador", "metrica", "kpi"],
  }),
  f("team", "Initiatives: Team", "text", {
    en: [
      "team",
      "teams",
      "department",
      "dept",
      "function",
      "business unit",
      "division",
      "squad",
      "tribe",
      "track",
      "stream",
      "workstream",
      "work stream",
      "org",
      "organisation",
      "organization",
      "group~",
    ],
    de: ["team", "abteilung", "bereich", "fachbereich", "organisationseinheit", "gruppe~"],
    fr: ["equipe", "departement", "service", "pole", "groupe~"],
    es: ["equipo", "departamento", "area", "unidad de negocio", "grupo~"],
  }),
  f("owner", "Owner", "text", {
    en: [
      "owner",
      "owners",
      "responsible",
      "assignee",
      "assigned to",
      "accountable",
      "lead",
      "resource",
      "resources",
      "resourcing",
      "pm",
      "project manager",
      "manager~",
      "contact",
      "poc",
      "who",
      "action owner",
      "risk owner",
      "driver",
      "dri",
    ],
    de: [
      "verantwortlich",
      "verantwortlicher",
      "verantwortung",
      "zustandig",
      "zustandigkeit",
      "ansprechpartner",
      "bearbeiter",
      "projektleiter",
      "wer",
    ],
    fr: ["responsable", "proprietaire", "pilote", "porteur", "qui", "charge de"],
    es: ["responsable", "propietario", "encargado", "asignado a", "quien", "dueno"],
  }),
  f("start", "Initiatives: Start", "date", {
    en: [
      "start",
      "start date",
      "begin",
      "begins",
      "kick off",
      "kickoff",
      "planned start",
      "start on",
    ],
    de: ["start", "beginn", "anfang", "startdatum", "starttermin", "beginndatum"],
    fr: ["debut", "date de debut", "demarrage", "lancement"],
    es: ["inicio", "fecha de inicio", "comienzo"],
  }),
  f("due", "Initiatives: Due; KPIs: Target Date; Hand-offs: Needed By", "date", {
    en: [
      "due",
      "due date",
      "end",
      "end date",
      "finish",
      "finish date",
      "deadline",
      "target date",
      "completion date",
      "eta",
      "needed by",
      "need by",
      "required by",
      "go live",
      "delivery date",
      "planned end",
      "due by",
      "by when",
      "until",
    ],
    de: [
      "fallig",
      "falligkeit",
      "falligkeitsdatum",
      "ende",
      "enddatum",
      "termin",
      "frist",
      "deadline",
      "bis",
      "zieltermin",
      "fertigstellung",
      "endtermin",
    ],
    fr: ["echeance", "date de fin", "fin", "date limite", "date cible", "date butoir"],
    es: [
      "fin",
      "fecha de fin",
      "fecha limite",
      "vencimiento",
      "fecha objetivo",
      "fecha de entrega",
    ],
  }),
  f("stage", "Initiatives: Stage (and a check-in's RAG where the word says one)", "status", {
    en: [
      "stage",
      "status",
      "state",
      "phase",
      "progress status",
      "overall status",
      "current status",
      "delivery status",
    ],
    de: ["status", "stand", "phase", "zustand", "projektstatus"],
    fr: ["statut", "etat", "etape", "phase", "avancement statut"],
    es: ["estado", "etapa", "fase", "situacion"],
  }),
  f("rag", "Check-ins: RAG", "rag", {
    en: [
      "rag",
      "rag status",
      "r a g",
      "health",
      "traffic light",
      "colour",
      "color",
      "rating~",
      "status colour",
      "status color",
    ],
    de: ["ampel", "ampelstatus", "ampelfarbe", "gesundheit"],
    fr: ["meteo", "feu", "couleur", "sante"],
    es: ["semaforo", "salud", "color"],
  }),
  f("progress", "Check-ins: Progress %", "percent", {
    en: [
      "% complete",
      "percent complete",
      "progress",
      "completion",
      "% done",
      "done %",
      "complete %",
      "pct complete",
      "%",
      "progress %",
      "percentage complete",
    ],
    de: ["fortschritt", "fertigstellungsgrad", "erledigt %", "% erledigt", "fortschritt %"],
    fr: ["avancement", "progression", "% realise", "% d avancement"],
    es: ["avance", "progreso", "% completado", "porcentaje completado"],
  }),
  f("dependsOn", "Hand-offs: each dependency becomes a hand-off into this row", "dependencies", {
    en: [
      "depends on",
      "dependencies",
      "dependency",
      "predecessors",
      "predecessor",
      "blocked by",
      "waiting on",
      "prerequisites",
      "prerequisite",
      "deps",
      "dependent on",
    ],
    de: ["vorganger", "abhangigkeiten", "abhangigkeit", "abhangig von", "voraussetzung"],
    fr: ["predecesseurs", "predecesseur", "dependances", "dependance", "depend de"],
    es: ["predecesoras", "predecesores", "dependencias", "dependencia", "depende de"],
  }),
  f("comment", "Check-ins: Comment (dependency phrases in it also become hand-offs)", "text", {
    en: [
      "comments",
      "comment",
      "notes",
      "note",
      "remarks",
      "update",
      "latest update",
      "status update",
      "commentary",
      "status comment",
      "narrative",
      "status notes",
    ],
    de: [
      "kommentar",
      "kommentare",
      "bemerkung",
      "bemerkungen",
      "anmerkung",
      "anmerkungen",
      "notizen",
      "hinweis",
      "hinweise",
    ],
    fr: ["commentaire", "commentaires", "remarques", "notes", "observations"],
    es: ["comentarios", "comentario", "notas", "observaciones"],
  }),
  f("pathToGreen", "Check-ins: Path to Green", "text", {
    en: [
      "path to green",
      "recovery plan",
      "mitigation",
      "next steps",
      "corrective action",
      "corrective actions",
      "get well plan",
      "remediation",
    ],
    de: ["gegenmassnahmen", "nachste schritte", "korrekturmassnahmen"],
    fr: ["plan de redressement", "prochaines etapes", "actions correctives"],
    es: ["plan de recuperacion", "proximos pasos", "acciones correctivas"],
  }),
  f("unit", "KPIs: Unit", "text", {
    en: ["unit", "units", "uom", "unit of measure"],
    de: ["einheit", "masseinheit"],
    fr: ["unite", "unite de mesure"],
    es: ["unidad", "unidad de medida"],
  }),
  f("baseline", "KPIs: Baseline", "number", {
    en: [
      "baseline",
      "base",
      "start value",
      "starting value",
      "initial value",
      "from value",
      "baseline value",
    ],
    de: ["ausgangswert", "basis", "basiswert", "startwert"],
    fr: ["reference", "valeur initiale", "valeur de depart", "base"],
    es: ["linea base", "valor inicial", "base"],
  }),
  f("target", "KPIs: Target", "number", {
    en: ["target", "target value", "goal value", "to value", "plan~"],
    de: ["zielwert", "soll", "sollwert", "planwert"],
    fr: ["cible", "valeur cible"],
    es: ["meta", "valor objetivo", "valor meta"],
  }),
  f("actual", "Check-ins: Actual of the KPI", "number", {
    en: [
      "actual",
      "current",
      "current value",
      "latest",
      "latest value",
      "value",
      "result",
      "achieved",
      "actual value",
    ],
    de: ["ist", "istwert", "aktuell", "aktueller wert", "wert"],
    fr: ["reel", "actuel", "valeur actuelle", "realise"],
    es: ["real", "actual", "valor actual", "logrado"],
  }),
  f("direction", "KPIs: Direction", "direction", {
    en: ["direction", "polarity", "higher is better", "good direction", "trend direction"],
    de: ["richtung", "zielrichtung"],
    fr: ["sens", "sens de variation"],
    es: ["direccion", "sentido"],
  }),
  f("period", "Check-ins: Period", "period", {
    en: [
      "period",
      "week",
      "month",
      "reporting period",
      "report period",
      "as of",
      "status date",
      "report date",
    ],
    de: ["periode", "woche", "kw", "kalenderwoche", "monat", "berichtszeitraum", "stichtag"],
    fr: ["periode", "semaine", "mois", "date du rapport"],
    es: ["periodo", "semana", "mes", "fecha del informe"],
  }),
  f(
    "type",
    "RAID logs: which rows are dependencies, risks, issues, actions, assumptions or decisions",
    "raidType",
    {
      en: ["type", "raid type", "raid", "item type", "category~", "log type"],
      de: ["typ", "art~", "eintragstyp", "kategorie~"],
      fr: ["type", "categorie~"],
      es: ["tipo", "categoria~"],
    },
  ),
  f(
    "from",
    "Hand-offs: From Initiative (who provides); an initiative of that name is found or created",
    "text",
    {
      en: [
        "from",
        "provider",
        "providing team",
        "delivering team",
        "supplier",
        "from team",
        "from initiative",
        "giver",
        "provided by",
        "delivered by",
      ],
      de: ["von", "lieferant", "liefernd", "geliefert von"],
      fr: ["de", "fournisseur", "fourni par"],
      es: ["de", "proveedor", "entregado por"],
    },
  ),
  f(
    "to",
    "Hand-offs: To Initiative (who waits); an initiative of that name is found or created",
    "text",
    {
      en: [
        "to",
        "consumer",
        "receiver",
        "receiving team",
        "to team",
        "to initiative",
        "dependent",
        "impacted",
        "affected",
        "requester",
        "requested by",
        "for",
      ],
      de: ["an", "fur", "empfanger", "betroffen", "angefordert von"],
      fr: ["pour", "beneficiaire", "impacte", "demandeur"],
      es: ["para", "receptor", "afectado", "solicitante"],
    },
  ),
  f(
    "probability",
    "RAID logs and risk registers: kept as a fraction in an extra column",
    "percent",
    {
      en: ["probability", "likelihood", "probability %"],
      de: ["wahrscheinlichkeit", "eintrittswahrscheinlichkeit"],
      fr: ["probabilite", "vraisemblance"],
      es: ["probabilidad"],
    },
  ),
  f("impact", "RAID logs and risk registers: kept as a fraction in an extra column", "percent", {
    en: ["impact", "severity", "consequence"],
    de: ["auswirkung", "tragweite", "schadensausmass"],
    fr: ["impact", "gravite"],
    es: ["impacto", "severidad", "gravedad"],
  }),
  f(
    "response",
    "RAID logs and risk registers: the response in English words, in an extra column",
    "response",
    {
      en: ["response", "risk response", "treatment", "strategy", "handling", "response strategy"],
      de: ["behandlung", "strategie", "reaktion", "umgang", "risikobehandlung"],
      fr: ["traitement", "reponse", "strategie"],
      es: ["tratamiento", "respuesta", "estrategia"],
    },
  ),
];

export const FIELD: Readonly<Record<FieldKey, FieldSpec>> = Object.fromEntries(
  FIELDS.map((s) => [s.key, s]),
) as Record<FieldKey, FieldSpec>;
export const FIELD_KEYS = FIELDS.map((s) => s.key) as readonly FieldKey[];

/** What a status word says: a Stage, a RAG, or both ("at risk" is Amber and under way). */
export interface StatusMeaning {
  readonly stage?: Stage;
  readonly rag?: Rag;
}

type StatusGroup = {
  readonly meaning: StatusMeaning;
  readonly words: Readonly<Record<Language, readonly string[]>>;
};

/** Status words; single letters G/A/R/Y only count in a status or RAG column. */
export const STATUS_WORDS: readonly StatusGroup[] = [
  {
    meaning: { stage: "In progress", rag: "Green" },
    words: {
      en: [
        "green",
        "g",
        "on track",
        "ok",
        "good",
        "healthy",
        "fine",
        "on schedule",
        "on plan",
        "on target",
      ],
      de: ["grun", "im plan", "planmassig", "im zeitplan", "gut"],
      fr: ["vert", "en bonne voie", "dans les temps", "conforme"],
      es: ["verde", "en plazo", "segun lo previsto", "bien"],
    },
  },
  {
    meaning: { stage: "In progress", rag: "Amber" },
    words: {
      en: [
        "amber",
        "a",
        "yellow",
        "y",
        "at risk",
        "watch",
        "caution",
        "minor issues",
        "slipping",
        "some risk",
        "needs attention",
        "orange",
      ],
      de: ["gelb", "gefahrdet", "risiko", "achtung", "leicht verzogert"],
      fr: ["jaune", "orange", "a risque", "en risque", "vigilance"],
      es: ["amarillo", "ambar", "naranja", "en riesgo", "atencion"],
    },
  },
  {
    meaning: { stage: "In progress", rag: "Red" },
    words: {
      en: [
        "red",
        "r",
        "off track",
        "blocked",
        "critical",
        "late",
        "delayed",
        "behind",
        "behind schedule",
        "overdue",
        "escalated",
        "stuck",
        "at risk red",
        "failing",
      ],
      de: ["rot", "blockiert", "verzogert", "verspatet", "kritisch", "uberfallig", "eskaliert"],
      fr: ["rouge", "bloque", "en retard", "critique", "escalade"],
      es: ["rojo", "bloqueado", "retrasado", "atrasado", "critico", "vencido"],
    },
  },
  {
    meaning: { stage: "Not started" },
    words: {
      en: [
        "not started",
        "to do",
        "todo",
        "planned",
        "backlog",
        "new",
        "open",
        "proposed",
        "pending",
        "idea",
        "not yet started",
        "queued",
        "scheduled",
      ],
      de: ["nicht begonnen", "offen", "geplant", "neu", "ausstehend", "noch nicht begonnen"],
      fr: ["non commence", "a faire", "prevu", "planifie", "nouveau", "en attente de demarrage"],
      es: ["no iniciado", "pendiente", "por hacer", "planificado", "nuevo", "sin empezar"],
    },
  },
  {
    meaning: { stage: "In progress" },
    words: {
      en: [
        "in progress",
        "wip",
        "ongoing",
        "active",
        "started",
        "doing",
        "underway",
        "under way",
        "in flight",
        "in work",
        "in development",
        "in review",
        "testing",
        "implementation",
      ],
      de: [
        "in arbeit",
        "in bearbeitung",
        "laufend",
        "begonnen",
        "aktiv",
        "in umsetzung",
        "in prufung",
      ],
      fr: ["en cours", "demarre", "actif", "en realisation"],
      es: ["en curso", "en progreso", "en proceso", "iniciado", "activo", "en marcha"],
    },
  },
  {
    meaning: { stage: "On hold" },
    words: {
      en: [
        "on hold",
        "hold",
        "paused",
        "parked",
        "deferred",
        "postponed",
        "suspended",
        "frozen",
        "waiting",
      ],
      de: ["pausiert", "zuruckgestellt", "angehalten", "ruht", "wartend", "verschoben"],
      fr: ["en pause", "suspendu", "en attente", "reporte", "gele"],
      es: ["en pausa", "suspendido", "en espera", "aplazado", "congelado"],
    },
  },
  {
    meaning: { stage: "Done" },
    words: {
      en: [
        "done",
        "complete",
        "completed",
        "closed",
        "finished",
        "delivered",
        "resolved",
        "live",
        "shipped",
        "achieved",
        "100%",
        "c",
        "x",
      ],
      de: [
        "erledigt",
        "abgeschlossen",
        "fertig",
        "geschlossen",
        "erreicht",
        "geliefert",
        "umgesetzt",
      ],
      fr: ["termine", "fini", "clos", "cloture", "livre", "realise", "acheve"],
      es: ["hecho", "completado", "terminado", "cerrado", "finalizado", "entregado", "logrado"],
    },
  },
  {
    meaning: { stage: "Cancelled" },
    words: {
      en: [
        "cancelled",
        "canceled",
        "dropped",
        "abandoned",
        "withdrawn",
        "descoped",
        "won't do",
        "wont do",
        "rejected",
        "killed",
        "stopped",
      ],
      de: ["abgebrochen", "storniert", "verworfen", "gestrichen", "eingestellt", "abgelehnt"],
      fr: ["annule", "abandonne", "rejete", "arrete"],
      es: ["cancelado", "anulado", "descartado", "abandonado", "rechazado"],
    },
  },
];

/** Words that only count as status when the whole column is a status or RAG column. */
export const SHORT_STATUS = new Set([
  "g",
  "a",
  "r",
  "y",
  "c",
  "x",
  "ok",
  "new",
  "open",
  "live",
  "hold",
  "risiko",
  "gut",
  "bien",
]);

export type RaidType = "risk" | "assumption" | "issue" | "dependency" | "action" | "decision";

export const RAID_TYPES: Readonly<Record<RaidType, Readonly<Record<Language, readonly string[]>>>> =
  {
    risk: {
      en: ["risk", "r", "risks", "threat", "opportunity"],
      de: ["risiko", "risiken", "bedrohung", "chance"],
      fr: ["risque", "menace", "opportunite"],
      es: ["riesgo", "amenaza", "oportunidad"],
    },
    assumption: {
      en: ["assumption", "a", "assumptions"],
      de: ["annahme", "annahmen"],
      fr: ["hypothese", "hypotheses"],
      es: ["supuesto", "supuestos", "hipotesis"],
    },
    issue: {
      en: ["issue", "i", "issues", "problem"],
      de: ["problem", "probleme", "thema"],
      fr: ["probleme", "incident"],
      es: ["problema", "incidencia"],
    },
    dependency: {
      en: ["dependency", "d", "dependencies", "dep"],
      de: ["abhangigkeit", "abhangigkeiten"],
      fr: ["dependance", "dependances"],
      es: ["dependencia", "dependencias"],
    },
    action: {
      en: ["action", "actions", "action item"],
      de: ["aktion", "massnahme", "massnahmen", "aufgabe"],
      fr: ["action", "actions"],
      es: ["accion", "acciones"],
    },
    decision: {
      en: ["decision", "decisions"],
      de: ["entscheidung", "entscheidungen"],
      fr: ["decision", "decisions"],
      es: ["decision", "decisiones"],
    },
  };

/** What each RAID type becomes in the template. */
export const RAID_OUTCOME: Readonly<Record<RaidType, "initiative" | "handoff" | "skip">> = {
  risk: "initiative",
  issue: "initiative",
  action: "initiative",
  dependency: "handoff",
  assumption: "skip",
  decision: "skip",
};

export const RISK_RESPONSES: Readonly<
  Record<string, Readonly<Record<Language, readonly string[]>>>
> = {
  Reduce: {
    en: ["reduce", "reduction", "mitigate", "mitigation", "minimise", "minimize"],
    de: ["reduzieren", "reduzierung", "minimieren", "minderung", "mindern", "verringern"],
    fr: ["reduire", "reduction", "attenuer", "attenuation"],
    es: ["reducir", "reduccion", "mitigar", "mitigacion"],
  },
  Avoid: {
    en: ["avoid", "avoidance", "eliminate"],
    de: ["vermeiden", "vermeidung"],
    fr: ["eviter", "evitement"],
    es: ["evitar", "evitacion"],
  },
  Transfer: {
    en: ["transfer", "transference", "insure"],
    de: ["ubertragen", "ubertragung", "uberwalzen", "versichern"],
    fr: ["transferer", "transfert"],
    es: ["transferir", "transferencia"],
  },
  Accept: {
    en: ["accept", "acceptance", "retain", "tolerate"],
    de: ["akzeptieren", "akzeptanz", "tragen", "hinnehmen"],
    fr: ["accepter", "acceptation"],
    es: ["aceptar", "aceptacion"],
  },
  Exploit: {
    en: ["exploit", "seize", "take"],
    de: ["ergreifen", "nutzen", "ausnutzen", "wahrnehmen"],
    fr: ["exploiter", "saisir"],
    es: ["explotar", "aprovechar"],
  },
  Enhance: {
    en: ["enhance", "increase"],
    de: ["steigern", "steigerung", "erhohen", "verstarken"],
    fr: ["ameliorer", "renforcer"],
    es: ["mejorar", "potenciar"],
  },
  Share: { en: ["share"], de: ["teilen"], fr: ["partager"], es: ["compartir"] },
  Escalate: { en: ["escalate"], de: ["eskalieren"], fr: ["escalader"], es: ["escalar"] },
};

export const DIRECTION_WORDS: Readonly<
  Record<Direction, Readonly<Record<Language, readonly string[]>>>
> = {
  Increase: {
    en: [
      "increase",
      "up",
      "higher",
      "higher is better",
      "maximise",
      "maximize",
      "grow",
      "more",
      "↑",
      "+",
      "ascending",
      "raise",
    ],
    de: ["erhohen", "steigern", "hoher", "maximieren", "mehr", "steigend"],
    fr: ["augmenter", "hausse", "maximiser", "plus"],
    es: ["aumentar", "subir", "maximizar", "mas"],
  },
  Decrease: {
    en: [
      "decrease",
      "down",
      "lower",
      "lower is better",
      "minimise",
      "minimize",
      "reduce",
      "less",
      "↓",
      "-",
      "descending",
      "cut",
    ],
    de: ["senken", "verringern", "reduzieren", "niedriger", "minimieren", "weniger", "sinkend"],
    fr: ["diminuer", "baisse", "reduire", "minimiser", "moins"],
    es: ["disminuir", "reducir", "bajar", "minimizar", "menos"],
  },
};

/** Phrases that announce a dependency in free text: what follows names who is waited on. */
export const DEPENDENCY_PHRASES: Readonly<Record<Language, readonly string[]>> = {
  en: [
    "waiting on",
    "waiting for",
    "waits on",
    "waits for",
    "blocked by",
    "blocked on",
    "depends on",
    "dependent on",
    "dependency on",
    "depending on",
    "needs input from",
    "needs",
    "requires",
    "awaiting",
    "pending",
    "after",
    "following",
    "predecessor",
    "predecessors",
  ],
  de: [
    "wartet auf",
    "warten auf",
    "abhangig von",
    "hangt ab von",
    "blockiert durch",
    "blockiert von",
    "benotigt",
    "braucht",
    "nach",
    "vorganger",
  ],
  fr: ["depend de", "en attente de", "attend", "bloque par", "apres", "necessite", "predecesseur"],
  es: [
    "depende de",
    "esperando",
    "espera a",
    "bloqueado por",
    "despues de",
    "requiere",
    "predecesora",
  ],
};

/** Link types of project plans ("2fs", "4SS+2d"): all become hand-offs, the type kept in the deliverable. */
export const LINK_TYPES: Readonly<Record<string, string>> = {
  fs: "finish-to-start",
  ss: "start-to-start",
  ff: "finish-to-finish",
  sf: "start-to-finish",
};

export const MONTHS: Readonly<Record<Language, readonly (readonly string[])[]>> = {
  en: [
    ["january", "jan"],
    ["february", "feb"],
    ["march", "mar"],
    ["april", "apr"],
    ["may"],
    ["june", "jun"],
    ["july", "jul"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["october", "oct"],
    ["november", "nov"],
    ["december", "dec"],
  ],
  de: [
    ["januar", "jan", "janner", "jan"],
    ["februar", "feb"],
    ["marz", "maerz", "mar", "mrz"],
    ["april", "apr"],
    ["mai"],
    ["juni", "jun"],
    ["juli", "jul"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["oktober", "okt"],
    ["november", "nov"],
    ["dezember", "dez"],
  ],
  fr: [
    ["janvier", "janv"],
    ["fevrier", "fevr", "fev"],
    ["mars"],
    ["avril", "avr"],
    ["mai"],
    ["juin"],
    ["juillet", "juil"],
    ["aout"],
    ["septembre", "sept"],
    ["octobre", "oct"],
    ["novembre", "nov"],
    ["decembre", "dec"],
  ],
  es: [
    ["enero", "ene"],
    ["febrero", "feb"],
    ["marzo", "mar"],
    ["abril", "abr"],
    ["mayo", "may"],
    ["junio", "jun"],
    ["julio", "jul"],
    ["agosto", "ago"],
    ["septiembre", "setiembre", "sep", "sept", "set"],
    ["octubre", "oct"],
    ["noviembre", "nov"],
    ["diciembre", "dic"],
  ],
};

/** Weekday names, Monday first (ISO weekday 1). */
export const WEEKDAYS: Readonly<Record<Language, readonly (readonly string[])[]>> = {
  en: [
    ["monday", "mon"],
    ["tuesday", "tue", "tues"],
    ["wednesday", "wed"],
    ["thursday", "thu", "thur", "thurs"],
    ["friday", "fri"],
    ["saturday", "sat"],
    ["sunday", "sun"],
  ],
  de: [
    ["montag", "mo"],
    ["dienstag", "di"],
    ["mittwoch", "mi"],
    ["donnerstag", "do"],
    ["freitag", "fr"],
    ["samstag", "sa", "sonnabend"],
    ["sonntag", "so"],
  ],
  fr: [
    ["lundi", "lun"],
    ["mardi", "mar"],
    ["mercredi", "mer"],
    ["jeudi", "jeu"],
    ["vendredi", "ven"],
    ["samedi", "sam"],
    ["dimanche", "dim"],
  ],
  es: [
    ["lunes", "lun"],
    ["martes", "mar"],
    ["miercoles", "mie"],
    ["jueves", "jue"],
    ["viernes", "vie"],
    ["sabado", "sab"],
    ["domingo", "dom"],
  ],
};

/** Date shapes understood, for the documentation; the parser in dates.ts implements each. */
export const DATE_FORMATS: readonly { readonly example: string; readonly reads: string }[] = [
  {
    example: "2026-11-26, 2026-11-26 17:00:00, 2026-11-26T17:00:00Z, 2026/11/26",
    reads: "ISO year-month-day; a time of day is dropped",
  },
  {
    example: "26/11/2026, 11/26/2026, 26-11-2026, 5/2/26",
    reads:
      "day and month in either order: decided per value when one part is above 12, else by the rest of the column (reported)",
  },
  { example: "26.11.2026, 26.11.26", reads: "day.month.year (German style), always day first" },
  {
    example: "26 Nov 2026, 26. November 2026, 26 novembre 2026, 26 de noviembre de 2026",
    reads: "day, month name, year",
  },
  { example: "Nov 26, 2026, November 26 2026", reads: "month name, day, year" },
  {
    example: "Thu 26 Nov 2026, Thursday, November 26, 2026, Do, 26.11.2026",
    reads:
      "any of the above with a weekday, which also decides day/month order when it agrees with only one reading",
  },
  {
    example: "5/02/2016 5:00:00 PM, 26.11.2026 17:00",
    reads: "any of the above with a time of day (12- or 24-hour), which is dropped",
  },
  {
    example: "46352 (a number in a date column), a date cell",
    reads: "spreadsheet serial (days from 1899-12-30)",
  },
];

/** Every phrase of a by-language table, for lookups. */
export function allWords<T>(table: Readonly<Record<Language, readonly T[]>>): T[] {
  return LANGUAGES.flatMap((l) => table[l]);
}

/** Hand-off states from the words of a RAID log's status column. */
export const HANDOFF_STATE_WORDS: Readonly<
  Record<
    "Requested" | "Accepted" | "In progress" | "Delivered" | "Declined",
    Readonly<Record<Language, readonly string[]>>
  >
> = {
  Requested: {
    en: ["requested", "asked", "raised", "open", "new", "pending", "proposed"],
    de: ["angefragt", "angefordert", "offen", "neu"],
    fr: ["demande", "ouvert", "nouveau"],
    es: ["solicitado", "abierto", "nuevo"],
  },
  Accepted: {
    en: ["accepted", "agreed", "committed", "confirmed", "acknowledged", "planned"],
    de: ["akzeptiert", "zugesagt", "bestatigt", "vereinbart", "geplant"],
    fr: ["accepte", "confirme", "engage", "prevu"],
    es: ["aceptado", "confirmado", "comprometido", "planificado"],
  },
  "In progress": {
    en: ["in progress", "wip", "ongoing", "underway", "active"],
    de: ["in arbeit", "in bearbeitung", "laufend"],
    fr: ["en cours"],
    es: ["en curso", "en progreso"],
  },
  Delivered: {
    en: ["delivered", "done", "closed", "complete", "completed", "resolved", "met"],
    de: ["geliefert", "erledigt", "abgeschlossen", "geschlossen"],
    fr: ["livre", "termine", "clos"],
    es: ["entregado", "hecho", "cerrado", "completado"],
  },
  Declined: {
    en: ["declined", "rejected", "refused", "cancelled", "canceled", "won't do"],
    de: ["abgelehnt", "storniert", "abgebrochen"],
    fr: ["refuse", "rejete", "annule"],
    es: ["rechazado", "cancelado"],
  },
};

/** First cells that mark a total row, which is skipped. */
export const TOTAL_WORDS: readonly string[] = [
  "total",
  "totals",
  "grand total",
  "subtotal",
  "sub total",
  "sum",
  "summe",
  "gesamt",
  "gesamtsumme",
  "zwischensumme",
  "total general",
  "sous total",
  "totaux",
  "suma",
  "total general",
];

/**
 * Words that make a column name a count ("reassignment_count", "Count of actions", "# of
 * risks"): such a column holds numbers of things, never references to rows, so it is never
 * read as dependencies or as the ID, whatever it counts.
 */
export const COUNT_WORDS: Readonly<
  Record<Language, { readonly words: readonly string[]; readonly prefixes: readonly string[] }>
> = {
  en: {
    words: ["count", "counts", "qty"],
    prefixes: ["# of", "number of", "no of", "num of", "nr of", "total number of"],
  },
  de: { words: ["anzahl"], prefixes: ["zahl der"] },
  fr: { words: ["nombre", "nb"], prefixes: ["nombre de", "nb de"] },
  es: { words: ["cantidad"], prefixes: ["numero de", "cantidad de"] },
};

/**
 * Dependency phrases too common in ordinary prose ("after the steering meeting") to trust
 * alone: in a comment they count only before a reference such as #4 or INI-4, or the exact
 * name of another row.
 */
export const WEAK_DEPENDENCY_PHRASES: ReadonlySet<string> = new Set([
  "needs",
  "requires",
  "pending",
  "after",
  "following",
  "benotigt",
  "braucht",
  "nach",
  "attend",
  "apres",
  "necessite",
  "despues de",
  "requiere",
  "esperando",
]);
