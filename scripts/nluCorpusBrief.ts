import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intents } from '../src/nlu/catalog.js';

/**
 * Writes the brief for the next blind corpus into a folder of its own: the writing guide (test/fixtures/nlu/corpus-brief.md,
 * with the corpus's letter and reference time filled in) and the command list, one example each, from the catalog.
 * The writer is given that folder and nothing else: not the recognizer, its tests or its training data.
 * `node dist/scripts/nluCorpusBrief.js <folder> <letter> <YYYY-MM-DDTHH:MM:SS>`
 */
const [folder, letter, referenceTime] = process.argv.slice(2);
if (!folder || !letter || !referenceTime || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/u.test(referenceTime)) {
  console.error('usage: node dist/scripts/nluCorpusBrief.js <folder> <letter> <YYYY-MM-DDTHH:MM:SS>');
  process.exit(2);
}
const weekday = new Date(`${referenceTime}Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
const here = dirname(fileURLToPath(import.meta.url));
const template = readFileSync(resolve(here, '../../test/fixtures/nlu/corpus-brief.md'), 'utf8');
const guide = template
  .replaceAll('corpus <letter>', `corpus ${letter}`)
  .replace('<ISO> (<weekday>)', `${referenceTime} (${weekday})`)
  .replaceAll('<ISO>', referenceTime);

const commands = ["# The bot's commands", '', 'Each command: its intent name (use it exactly as the label), the entity slots it may carry, what it does, and one example in English and one in Chinese.', ''];
for (const intent of intents) {
  commands.push(
    `## \`${intent.name}\`${intent.writes ? ' (changes something)' : ''}`,
    `- slots: ${intent.entities.length > 0 ? intent.entities.map((slot) => `\`${slot}\``).join(', ') : '(none)'}`,
    `- ${intent.text.en.description}`,
    `- example: "${intent.text.en.example}" / "${intent.text.zh.example}"`,
    '',
  );
}
commands.push('## `none`', "- Anything that is not one of the commands above (small talk, thanks, other tools' jobs, statements that ask nothing of the bot).", '- example: "thanks!" / "谢谢"', '');

mkdirSync(folder, { recursive: true });
writeFileSync(resolve(folder, 'GUIDE.md'), guide);
writeFileSync(resolve(folder, 'commands.md'), commands.join('\n'));
console.log(`brief for corpus ${letter} (reference time ${referenceTime}, ${weekday}) written to ${folder}`);
