export {
  readPeople,
  personKey,
  isEmail,
  PEOPLE_SHEET,
  PEOPLE_HEADERS,
  type People,
  type Person,
} from "./people.ts";
export {
  toldIn,
  toldWrites,
  parseTold,
  toldText,
  NOTHING_TOLD,
  TOLD_KEY,
  type Told,
} from "./told.ts";
export { eventsSince, EVENT_SOURCES } from "./event-sources.ts";
export {
  EVENT_ORDER,
  ASK_BUSINESS_DAYS,
  handoffEvents,
  initiativeEvents,
  checkinRequests,
  type EventKind,
  type EventSource,
  type Recipient,
  type RecipientRole,
  type RhythmContext,
  type RhythmEvent,
  type SourceResult,
} from "./events.ts";
export { digestsOf, subjectOf, type Digest, type DigestItem, type Unreached } from "./digest.ts";
export { digestText, digestHtml, chatMessage, type DigestContext } from "./render.ts";
export { sponsorsOf } from "./sponsors.ts";
export { gateEvents, gateDue } from "./gate-events.ts";
export { falseGreenEvents } from "./false-green-events.ts";
export { mailtoOf, MAILTO_LIMIT, type MailLink } from "./mailto.ts";
export {
  snapshotOf,
  statusNews,
  handoffNews,
  handoffMark,
  statusMark,
  statusOfMark,
  type News,
} from "./news.ts";
export { owedIn, owedWrites, withOwed, OWED_KEY } from "./owed.ts";
export {
  tokensIn,
  tokenWrites,
  tokenHash,
  tokenEntry,
  checkToken,
  isTokenShaped,
  TOKENS_KEY,
  TOKEN_DAYS,
  type AnswerToken,
  type Tokens,
  type TokenCheck,
} from "./tokens.ts";
export { stateWritesAll } from "./state-plan.ts";
