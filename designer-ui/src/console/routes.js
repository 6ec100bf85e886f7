// Client-side routes of the console. The runtime answers index.html for every /console/** path, so each of
// these can be loaded directly (a bookmark, a reload).
import { hasRole } from '../shared/staffApi.js';

export const BASE = '/console';

/** {screen: 'home' | 'chat' | 'supervisor' | 'unknown', conversationId?} for a location pathname. */
export function parseRoute(pathname) {
  const path = (pathname || '/').replace(/\/+$/, '');
  if (path === BASE || path === '') return { screen: 'home' };
  const rest = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1) : null;
  if (rest === null) return { screen: 'unknown' };
  if (rest === 'supervisor') return { screen: 'supervisor' };
  const chat = /^chats\/([^/]+)$/.exec(rest);
  if (chat) return { screen: 'chat', conversationId: decodeURIComponent(chat[1]) };
  return { screen: 'unknown' };
}

export function pathFor(route) {
  if (route.screen === 'chat') return `${BASE}/chats/${encodeURIComponent(route.conversationId)}`;
  if (route.screen === 'supervisor') return `${BASE}/supervisor`;
  return `${BASE}/`;
}

/** What the signed-in user may use: agents work chats, supervisors (and admins) see the supervisor view. */
export function abilities(user) {
  return {
    agent: hasRole(user, 'AGENT', 'ADMIN'),
    supervisor: hasRole(user, 'SUPERVISOR', 'ADMIN'),
    designer: hasRole(user, 'DESIGNER', 'ADMIN'),
  };
}

/**
 * The screen to show for a route and user: '/console/' is the queue and my chats for agents and admins, the
 * supervisor view for supervisors; a designer-only user gets a link to the designer.
 */
export function resolveScreen(route, user) {
  const can = abilities(user);
  if (!can.agent && !can.supervisor) return { screen: can.designer ? 'designerOnly' : 'noAccess' };
  if (route.screen === 'supervisor') return can.supervisor ? route : { screen: 'home' };
  if (route.screen === 'chat') return route;
  if (route.screen === 'home' && !can.agent) return { screen: 'supervisor' };
  if (route.screen === 'unknown') return can.agent ? { screen: 'home' } : { screen: 'supervisor' };
  return route;
}
