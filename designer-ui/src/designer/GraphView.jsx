import { useEffect, useMemo, useState } from 'react';
import { applyNodeChanges, Background, Controls, Handle, MarkerType, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { layout, savePosition, savedPositions, forgetPositions } from './layout.js';
import { t, typeName } from './strings.js';

function StepNode({ data }) {
  const { step, problems, current, selected, locale } = data;
  return (
    <div className={`step-node type-${step.type}${problems ? ' has-error' : ''}${current ? ' current' : ''}${selected ? ' selected' : ''}`}
      data-testid="step-node" data-step-id={step.id} data-type={step.type} data-error={problems ? 'true' : 'false'}
      data-current={current ? 'true' : 'false'} title={problems ? problems.join('\n') : step.label}>
      <Handle type="target" position={Position.Top} />
      <div className="step-head">
        <span className="step-type">{typeName(locale, step.type)}</span>
        <strong>{step.id}</strong>
        {step.entry && <span className="tag">{t(locale, 'entryStep')}</span>}
      </div>
      <div className="step-label">{step.label}</div>
      {step.flow && <a className="subflow-link nodrag" href={`#/flows/${step.flow}`}>{t(locale, 'openSubflow')} ↪</a>}
      {problems && <div className="step-error" data-testid="step-error">⚠ {problems[0]}</div>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { step: StepNode };

/** The flow as a graph: steps as nodes by type, transitions as labelled edges; auto-laid-out with dagre. */
export function GraphView({ flowId, graph, problems, selected, onSelect, current, locale }) {
  const [moved, setMoved] = useState(() => savedPositions(flowId));
  const positions = useMemo(() => layout(graph, moved), [graph, moved]);
  const nodes = useMemo(() => graph.nodes.map((step) => ({
    id: step.id,
    type: 'step',
    position: positions[step.id],
    selected: step.id === selected,
    data: { step, problems: problems[step.id], current: step.id === current, selected: step.id === selected, locale },
  })), [graph, positions, problems, current, selected, locale]);
  const edges = useMemo(() => graph.edges.filter((e) => !e.dangling).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.label,
    className: `edge-${e.kind}`,
    markerEnd: { type: MarkerType.ArrowClosed },
  })), [graph]);
  const [shown, setShown] = useState(nodes);
  useEffect(() => setShown(nodes), [nodes]);
  const [instance, setInstance] = useState(null);
  useEffect(() => {
    if (instance && current) {
      const p = positions[current];
      if (p) instance.setCenter(p.x + 110, p.y + 36, { zoom: instance.getZoom(), duration: 200 });
    }
  }, [instance, current]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (instance && selected && positions[selected]) {
      const p = positions[selected];
      instance.setCenter(p.x + 110, p.y + 36, { zoom: Math.max(instance.getZoom(), 0.85), duration: 200 });
    }
  }, [instance, selected]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="graph" data-testid="graph">
      <ReactFlow nodes={shown} edges={edges} onNodesChange={(changes) => setShown((ns) => applyNodeChanges(changes, ns))} nodeTypes={nodeTypes} onInit={setInstance} fitView minZoom={0.1}
        nodesConnectable={false} onNodeClick={(event, node) => onSelect(node.id)}
        onNodeDragStop={(event, node) => { savePosition(flowId, node.id, node.position); setMoved(savedPositions(flowId)); }}
        proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls />
      </ReactFlow>
      <button type="button" className="relayout" onClick={() => { forgetPositions(flowId); setMoved({}); }}>
        ⟲ dagre
      </button>
    </div>
  );
}
