import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
const STORAGE_PREFIX = 'cobra.designer.layout.';

/**
 * Positions for the graph's nodes: the ones the designer placed by hand (kept in this browser's local storage
 * per flow, since the flow schema has no designer-only key) and dagre's top-to-bottom layout for the rest.
 */
export function layout(graph, saved = {}) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  graph.nodes.forEach((n) => g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT }));
  graph.edges.filter((e) => !e.dangling && e.source !== e.target).forEach((e) => g.setEdge(e.source, e.target));
  dagre.layout(g);
  const positions = {};
  graph.nodes.forEach((n) => {
    const p = g.node(n.id);
    positions[n.id] = saved[n.id] || { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 };
  });
  return positions;
}

export function savedPositions(flowId) {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_PREFIX + flowId) || '{}');
  } catch (e) {
    return {};
  }
}

export function savePosition(flowId, stepId, position) {
  const all = savedPositions(flowId);
  all[stepId] = { x: Math.round(position.x), y: Math.round(position.y) };
  localStorage.setItem(STORAGE_PREFIX + flowId, JSON.stringify(all));
}

export function forgetPositions(flowId) {
  localStorage.removeItem(STORAGE_PREFIX + flowId);
}
