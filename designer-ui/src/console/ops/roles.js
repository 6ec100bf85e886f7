// Staff roles as the user screens show them.
export const ROLES = ['AGENT', 'SUPERVISOR', 'DESIGNER', 'ADMIN'];

const NAMES = {
  es: { AGENT: 'Agente', SUPERVISOR: 'Supervisor', DESIGNER: 'Diseñador', ADMIN: 'Administrador' },
  en: { AGENT: 'Agent', SUPERVISOR: 'Supervisor', DESIGNER: 'Designer', ADMIN: 'Admin' },
};

export function roleName(locale, role) {
  return (NAMES[locale] || NAMES.es)[role] || role;
}

/** "a, b ,, c" -> ['a', 'b', 'c'] */
export function splitList(text) {
  return (text || '').split(',').map((s) => s.trim()).filter(Boolean);
}
