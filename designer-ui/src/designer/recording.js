import { stringify as toYaml } from 'yaml';

const QUOTE_LENGTH = 60;

/** The first words of a reply, as a `contains` check (long texts are cut at a word boundary). */
export function quote(text) {
  const clean = (text || '').trim();
  if (clean.length <= QUOTE_LENGTH) return clean;
  const cut = clean.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > 20 ? cut.slice(0, space) : cut;
}

/**
 * A conversation test (transcript format) from a simulator session: each recorded turn becomes a turn that says
 * the same text or picks the same option, checks the start of every bot reply, and expects the same flow, step
 * and status.
 */
export function sessionToTest({ description, sample, today, turns }) {
  return toYaml({
    description,
    today,
    debtor: { daysPastDue: sample.daysPastDue, locale: sample.locale, channel: sample.channel },
    turns: turns.map((turn) => {
      const out = {};
      if (turn.say) out.say = turn.say;
      if (turn.option) out.option = turn.option;
      const contains = turn.replies.map((r) => quote(r.text)).filter(Boolean);
      if (contains.length) out.bot = { contains };
      out.expect = { flow: turn.flow, step: turn.step, status: turn.status };
      return out;
    }),
  }, { lineWidth: 0 });
}
