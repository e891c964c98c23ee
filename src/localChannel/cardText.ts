/**
 * Renders Adaptive Cards (1.5) and bot activities as plain text for a terminal or a test failure message.
 * Hand-written: the official renderers target the DOM; a text rendering needs only a walk over the JSON.
 * Buttons are numbered from 1 in one depth-first order (body first, then the card's actions; a ShowCard's
 * own buttons right after it), and `cardButtons` lists them in that same order, so "[2]" on screen is
 * button 2 for `press`.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const HERO_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.hero';
const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

export type JsonObject = Record<string, unknown>;

export interface CardButton {
  /** 1-based number shown on screen. */
  index: number;
  title: string;
  /** Action type: Action.Execute, Action.Submit, Action.OpenUrl, Action.ShowCard, Action.ToggleVisibility, imBack... */
  type: string;
  verb?: string;
  data?: unknown;
  url?: string;
  id?: string;
  /** The card an Action.ShowCard reveals. */
  card?: JsonObject;
}

export interface CardInput {
  id: string;
  type: string;
  /** The value the card carries as default (what a person who just presses a button would send). */
  value?: string;
  label?: string;
}

export interface RenderedText {
  text: string;
  buttons: CardButton[];
}

interface RenderState {
  buttons: CardButton[];
  inputs: CardInput[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Renders one Adaptive Card; `firstButton` continues numbering across several cards of one activity. */
export function renderAdaptiveCard(card: unknown, firstButton = 1): RenderedText {
  const state: RenderState = { buttons: [], inputs: [] };
  const lines = renderCard(card, state, firstButton);
  return { text: lines.join('\n'), buttons: state.buttons };
}

/** The buttons of a card in display order (numbers match `renderAdaptiveCard`). */
export function cardButtons(card: unknown): CardButton[] {
  return renderAdaptiveCard(card).buttons;
}

/** The input fields of a card (including those inside ShowCards), with their default values. */
export function cardInputs(card: unknown): CardInput[] {
  const state: RenderState = { buttons: [], inputs: [] };
  renderCard(card, state, 1);
  return state.inputs;
}

function renderCard(card: unknown, state: RenderState, firstButton: number): string[] {
  if (!isJsonObject(card)) return ['[invalid card]'];
  const lines = renderElements(list(card['body']), state, firstButton);
  const actions = renderActions(list(card['actions']), state, firstButton);
  if (actions.length > 0) lines.push(...actions);
  return lines;
}

function renderElements(elements: unknown[], state: RenderState, firstButton: number): string[] {
  return elements.flatMap((element) => renderElement(element, state, firstButton));
}

function renderElement(element: unknown, state: RenderState, firstButton: number): string[] {
  if (!isJsonObject(element) || element['isVisible'] === false) return [];
  const type = str(element['type']) ?? '';
  switch (type) {
    case 'TextBlock':
      return splitLines(str(element['text']) ?? '');
    case 'RichTextBlock':
      return splitLines(list(element['inlines']).map((inline) => (isJsonObject(inline) ? str(inline['text']) ?? '' : str(inline) ?? '')).join(''));
    case 'FactSet':
      return renderFacts(list(element['facts']));
    case 'Container':
      return renderElements(list(element['items']), state, firstButton);
    case 'ColumnSet':
      return renderColumns(list(element['columns']), state, firstButton);
    case 'Column':
      return renderElements(list(element['items']), state, firstButton);
    case 'Image':
      return [imageText(element)];
    case 'ImageSet':
      return [list(element['images']).map((image) => (isJsonObject(image) ? imageText(image) : '')).join(' ')];
    case 'Media':
      return [`[media${str(element['altText']) ? `: ${str(element['altText'])}` : ''}]`];
    case 'Table':
      return renderTable(element, state, firstButton);
    case 'ActionSet':
      return renderActions(list(element['actions']), state, firstButton);
    case 'Input.Text':
    case 'Input.Number':
    case 'Input.Date':
    case 'Input.Time':
    case 'Input.Toggle':
    case 'Input.ChoiceSet':
      return [renderInput(type, element, state)];
    default:
      return renderFallback(element, type, state, firstButton);
  }
}

function renderFallback(element: JsonObject, type: string, state: RenderState, firstButton: number): string[] {
  const fallback = element['fallback'];
  if (fallback === 'drop') return [];
  if (isJsonObject(fallback)) return renderElement(fallback, state, firstButton);
  return [`[${type || 'unknown element'}]`];
}

function splitLines(text: string): string[] {
  return text.length === 0 ? [] : text.split(/\r?\n/);
}

function imageText(image: JsonObject): string {
  const alt = str(image['altText']);
  return alt ? `[image: ${alt}]` : '[image]';
}

function renderFacts(facts: unknown[]): string[] {
  const pairs = facts.filter(isJsonObject).map((fact) => [str(fact['title']) ?? '', str(fact['value']) ?? ''] as const);
  const width = Math.max(0, ...pairs.map(([title]) => title.length));
  return pairs.map(([title, value]) => `${`${title}:`.padEnd(width + 1)} ${value}`);
}

/** Columns that each fit on one line are shown side by side; taller ones one after another. */
function renderColumns(columns: unknown[], state: RenderState, firstButton: number): string[] {
  const rendered = columns.map((column) =>
    isJsonObject(column) && column['isVisible'] !== false
      ? renderElements(list(column['items']), state, firstButton)
      : [],
  );
  const nonEmpty = rendered.filter((lines) => lines.length > 0);
  if (nonEmpty.every((lines) => lines.length === 1)) {
    return nonEmpty.length === 0 ? [] : [nonEmpty.map((lines) => lines[0]).join('  |  ')];
  }
  return nonEmpty.flat();
}

function renderTable(table: JsonObject, state: RenderState, firstButton: number): string[] {
  const rows = list(table['rows']).filter(isJsonObject).map((row) =>
    list(row['cells']).map((cell) =>
      isJsonObject(cell) ? renderElements(list(cell['items']), state, firstButton).join(' ') : '',
    ),
  );
  if (rows.length === 0) return [];
  const columnCount = Math.max(...rows.map((cells) => cells.length));
  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ').trimEnd();
  const lines = rows.map(format);
  if (table['firstRowAsHeader'] !== false && lines.length > 1) {
    lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('-+-'));
  }
  return lines;
}

function renderInput(type: string, input: JsonObject, state: RenderState): string {
  const id = str(input['id']) ?? '?';
  const label = str(input['label']) ?? str(input['placeholder']) ?? str(input['title']);
  const value = str(input['value']);
  state.inputs.push({ id, type, value, label });
  const shownValue = value === undefined ? '' : ` = ${value}`;
  if (type === 'Input.ChoiceSet') {
    const choices = list(input['choices'])
      .filter(isJsonObject)
      .map((choice) => `${str(choice['title']) ?? ''} (${str(choice['value']) ?? ''})`)
      .join(', ');
    return `[${label ?? id}: choose ${choices}${shownValue}] (input "${id}")`;
  }
  if (type === 'Input.Toggle') {
    return `[${str(input['title']) ?? label ?? id}${shownValue}] (input "${id}")`;
  }
  return `[${label ?? id}${shownValue}] (input "${id}")`;
}

function renderActions(actions: unknown[], state: RenderState, firstButton: number): string[] {
  const lines: string[] = [];
  const labels: string[] = [];
  const flush = () => {
    if (labels.length > 0) lines.push(labels.join('   '));
    labels.length = 0;
  };
  for (const action of actions) {
    if (!isJsonObject(action) || action['isVisible'] === false) continue;
    const button = toButton(action, firstButton + state.buttons.length);
    state.buttons.push(button);
    labels.push(buttonLabel(button));
    if (button.card) {
      flush();
      lines.push(...renderCard(button.card, state, firstButton).map((line) => `    ${line}`));
    }
  }
  flush();
  return lines;
}

function toButton(action: JsonObject, index: number): CardButton {
  const type = str(action['type']) ?? 'Action.Unknown';
  const button: CardButton = { index, type, title: str(action['title']) ?? str(action['tooltip']) ?? `(${type})` };
  const verb = str(action['verb']);
  if (verb !== undefined) button.verb = verb;
  if (action['data'] !== undefined) button.data = action['data'];
  const url = str(action['url']);
  if (url !== undefined) button.url = url;
  const id = str(action['id']);
  if (id !== undefined) button.id = id;
  if (type === 'Action.ShowCard' && isJsonObject(action['card'])) button.card = action['card'];
  return button;
}

function buttonLabel(button: CardButton): string {
  if (button.type === 'Action.OpenUrl') return `[${button.index}] ${button.title} (${button.url ?? 'link'})`;
  if (button.type === 'Action.ShowCard') return `[${button.index}] ${button.title} ▾`;
  return `[${button.index}] ${button.title}`;
}

/** `<at>Name</at>` → `@Name`, so mentions read naturally. */
export function plainMentions(text: string): string {
  return text.replace(/<at>(.*?)<\/at>/g, '@$1');
}

/**
 * Renders a whole activity: text, every attachment (Adaptive, hero and thumbnail cards) and suggested
 * actions. Buttons are numbered across all its cards.
 */
export function renderActivity(activity: unknown): RenderedText {
  if (!isJsonObject(activity)) return { text: '[not an activity]', buttons: [] };
  const type = str(activity['type']) ?? 'message';
  if (type === 'typing') return { text: '… typing', buttons: [] };
  if (type !== 'message') return { text: `[${type}${str(activity['name']) ? ` ${str(activity['name'])}` : ''}]`, buttons: [] };
  const parts: string[] = [];
  const buttons: CardButton[] = [];
  const text = str(activity['text']);
  if (text) parts.push(plainMentions(text));
  for (const attachment of list(activity['attachments'])) {
    const rendered = renderAttachment(attachment, buttons.length + 1);
    parts.push(rendered.text);
    buttons.push(...rendered.buttons);
  }
  const suggested = isJsonObject(activity['suggestedActions']) ? list(activity['suggestedActions']['actions']) : [];
  if (suggested.length > 0) {
    const rendered = renderCardActions(suggested, buttons.length + 1);
    parts.push(rendered.text);
    buttons.push(...rendered.buttons);
  }
  return { text: parts.join('\n'), buttons };
}

function renderAttachment(attachment: unknown, firstButton: number): RenderedText {
  if (!isJsonObject(attachment)) return { text: '[attachment]', buttons: [] };
  const contentType = str(attachment['contentType']) ?? 'unknown';
  const content = attachment['content'];
  if (contentType === ADAPTIVE_CARD_CONTENT_TYPE) return renderAdaptiveCard(content, firstButton);
  if ((contentType === HERO_CARD_CONTENT_TYPE || contentType === THUMBNAIL_CARD_CONTENT_TYPE) && isJsonObject(content)) {
    const lines = [str(content['title']), str(content['subtitle']), str(content['text'])].filter(
      (line): line is string => line !== undefined && line.length > 0,
    );
    const actions = renderCardActions(list(content['buttons']), firstButton);
    return { text: [...lines, actions.text].filter((line) => line.length > 0).join('\n'), buttons: actions.buttons };
  }
  const name = str(attachment['name']);
  return { text: `[attachment ${contentType}${name ? `: ${name}` : ''}]`, buttons: [] };
}

/** Bot Framework CardActions (hero card buttons, suggested actions): `{type: imBack|messageBack|openUrl, title, value}`. */
function renderCardActions(actions: unknown[], firstButton: number): RenderedText {
  const buttons = actions.filter(isJsonObject).map((action, offset): CardButton => {
    const type = str(action['type']) ?? 'imBack';
    const button: CardButton = { index: firstButton + offset, type, title: str(action['title']) ?? str(action['value']) ?? type };
    if (action['value'] !== undefined) button.data = action['value'];
    if (type === 'openUrl') button.url = str(action['value']);
    return button;
  });
  return { text: buttons.map((button) => buttonLabel(button)).join('   '), buttons };
}

/** The Adaptive Cards attached to an activity (contents only). */
export function adaptiveCardsOf(activity: unknown): JsonObject[] {
  if (!isJsonObject(activity)) return [];
  return list(activity['attachments'])
    .filter(isJsonObject)
    .filter((attachment) => attachment['contentType'] === ADAPTIVE_CARD_CONTENT_TYPE && isJsonObject(attachment['content']))
    .map((attachment) => attachment['content'] as JsonObject);
}
