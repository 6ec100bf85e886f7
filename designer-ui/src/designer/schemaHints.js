// Completion for the YAML view from the flow JSON Schema: property names (as "key: ") and enum values.

/** Every property name and enum value the schema mentions, with its description when it has one. */
export function schemaVocabulary(schema) {
  const keys = new Map();
  const values = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (node.properties && typeof node.properties === 'object') {
      for (const [name, def] of Object.entries(node.properties)) {
        if (!keys.has(name) || (def && def.description)) keys.set(name, (def && def.description) || keys.get(name) || '');
      }
    }
    if (Array.isArray(node.enum)) node.enum.forEach((v) => values.add(String(v)));
    if (node.const !== undefined) values.add(String(node.const));
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return { keys, values: [...values] };
}

export function schemaCompletions(schema) {
  const { keys, values } = schemaVocabulary(schema || {});
  return (context) => {
    const word = context.matchBefore(/[A-Za-z_]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, word.from - line.from);
    const afterColon = /:\s*$/.test(before) || /-\s*$/.test(before) && before.includes(':');
    const options = afterColon
      ? values.map((v) => ({ label: v, type: 'enum' }))
      : [...keys.entries()].map(([name, info]) => ({ label: name, apply: `${name}: `, type: 'property', info: info || undefined }));
    return { from: word.from, options, validFor: /^[A-Za-z_]*$/ };
  };
}
