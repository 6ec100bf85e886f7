// The local WhatsApp simulator page: plays a phone against the runtime (signed webhooks via the simulator API)
// and shows what the runtime sent to the simulated Graph API, rendered like WhatsApp would.
import './simulator.css';
import { describeOutbound } from './outbound.js';

const chat = document.getElementById('chat');
const status = document.getElementById('status');
let lastSeq = 0;

function who() {
  return {
    from: document.getElementById('from').value.trim(),
    bsuid: document.getElementById('bsuid').value.trim() || undefined,
    noPhone: document.getElementById('noPhone').checked,
  };
}

function bubble(side, text) {
  const item = document.createElement('li');
  item.className = `bubble ${side}`;
  item.textContent = text; // always text: nothing from a message is parsed as HTML
  chat.appendChild(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

async function send(message, shown) {
  bubble('me', shown);
  const response = await fetch('/simulator/whatsapp/api/send', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...who(), ...message }),
  });
  const body = await response.json().catch(() => ({}));
  status.textContent = response.ok ? `webhook: HTTP ${body.webhookStatus}` : `error: ${body.message || response.status}`;
}

function render(record) {
  const view = describeOutbound(record.body);
  const item = bubble('bot', view.text);
  item.title = `${record.wamid} → ${view.to}`;
  if (view.options.length > 0) {
    const group = document.createElement('div');
    group.className = 'options';
    group.setAttribute('role', 'group');
    for (const option of view.options) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option.title;
      button.addEventListener('click', () => send({ optionId: option.id, title: option.title, kind: view.kind }, option.title));
      group.appendChild(button);
    }
    item.appendChild(group);
  }
}

async function poll() {
  try {
    const response = await fetch(`/simulator/whatsapp/api/sent?after=${lastSeq}`);
    if (response.ok) {
      for (const record of await response.json()) {
        lastSeq = Math.max(lastSeq, record.seq);
        render(record);
      }
    } else {
      status.textContent = 'El simulador no está activado (whatsapp.simulator.enabled=true).';
    }
  } catch (e) {
    status.textContent = 'Sin conexión con el servidor.';
  }
  setTimeout(poll, 700);
}

document.getElementById('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (text) {
    input.value = '';
    send({ text }, text);
  }
});
document.getElementById('audio').addEventListener('click', () => send({ type: 'audio' }, '🎤 Nota de voz'));
poll();
