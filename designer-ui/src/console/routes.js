// Client-side routes of the console. The runtime answers index.html for every /console/** path, so each of
// these can be loaded directly (a bookmark, a reload, a link shared by a colleague).
import { hasRole } from '../shared/staffApi.js';

export const BASE = '/console';

// Operations screens (issue 19): path segment -> screen name, and who may open them.
const OPS = {
  users: { screen: 'users', roles: ['ADMIN'] },
  portfolio: { screen: 'portfolio', roles: ['ADMIN', 'SUPERVISOR'] },
  campaigns: { screen: 'campaigns', roles: ['ADMIN', 'SUPERVISOR'] },
  templates: { screen: 'templates', roles: ['ADMIN', 'SUPERVISOR'] },
  compliance: { screen: 'compliance', roles: ['ADMIN', 'SUPERVISOR'] },
  settings: { screen: 'settings', roles: ['ADMIN'] },
};
// Detail routes: /console/<prefix>/<id>.
const DETAILS = {
  chats: { screen: 'chat', key: 'conversationId' },
  debtors: { screen: 'debtor', key: 'debtorId', roles: ['ADMIN', 'SUPERVISOR'] },
  campaigns: { screen: 'campaign', key: 'campaignId', roles: ['ADMIN', 'SUPERVISOR'] },
  users: { screen: 'user', key: 'username', roles: ['ADMIN'] },
};

/** The operations screens in menu order. */
export const OPS_SCREENS = Object.keys(OPS);

/** {screen, ...params} for a location pathname; 'unknown' for anything else. */
export function parseRoute(pathname) {
  const path = (pathname || '/').replace(/\/+$/, '');
  if (path === BASE || path === '') return { screen: 'home' };
  const rest = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1) : null;
  if (rest === null) return { screen: 'unknown' };
  if (rest === 'supervisor') return { screen: 'supervisor' };
  if (OPS[rest]) return { screen: OPS[rest].screen };
  const detail = /^([a-z]+)\/([^/]+)$/.exec(rest);
  if (detail && DETAILS[detail[1]]) {
    const { screen, key } = DETAILS[detail[1]];
    return { screen, [key]: decodeURIComponent(detail[2]) };
  }
  return { screen: 'unknown' };
}

export function pathFor(route) {
  for (const [prefix, { screen, key }] of Object.entries(DETAILS)) {
    if (route.screen === screen) return `${BASE}/${prefix}/${encodeURIComponent(route[key])}`;
  }
  if (route.screen === 'supervisor') return `${BASE}/supervisor`;
  if (OPS[route.screen]) return `${BASE}/${route.screen}`;
  return `${BASE}/`;
}

/** What the signed-in user may use: agents work chats, supervisors (and admins) see the supervisor view. */
export function abilities(user) {
  return {
    agent: hasRole(user, 'AGENT', 'ADMIN'),
    supervisor: hasRole(user, 'SUPERVISOR', 'ADMIN'),
    designer: hasRole(user, 'DESIGNER', 'ADMIN'),
    admin: hasRole(user, 'ADMIN'),
  };
}

/** Whether the user may open an operations screen (or one of its detail pages). */
export function mayOpen(screen, user) {
  const rule = Object.values(OPS).find((r) => r.screen === screen) || Object.values(DETAILS).find((r) => r.screen === screen);
  return Boolean(rule && (!rule.roles || hasRole(user, ...rule.roles)));
}

/** The operations screens this user may open, in menu order. */
export function opsMenu(user) {
  return OPS_SCREENS.filter((name) => mayOpen(OPS[name].screen, user));
}

/**
 * The screen to show for a route and user: '/console/' is the queue and my chats for agents and admins, the
 * supervisor view for supervisors; a designer-only user gets a link to the designer; an operations screen the
 * role may not open says so ('forbidden') instead of silently showing something else.
 */
export function resolveScreen(route, user) {
  const can = abilities(user);
  if (!can.agent && !can.supervisor) return { screen: can.designer ? 'designerOnly' : 'noAccess' };
  if (route.screen === 'supervisor') return can.supervisor ? route : { screen: 'home' };
  if (route.screen === 'chat') return route;
  if (route.screen !== 'home' && route.screen !== 'unknown') return mayOpen(route.screen, user) ? route : { screen: 'forbidden' };
  if (route.screen === 'home' && !can.agent) return { screen: 'supervisor' };
  if (route.screen === 'unknown') return can.agent ? { screen: 'home' } : { screen: 'supervisor' };
  return route;
}
