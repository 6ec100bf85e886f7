// The flows API (CONTRACTS.md, Flows) and the draft simulator, over the shared StaffApi client.
const YAML_TYPE = 'application/yaml';
const enc = encodeURIComponent;

export function flowApi(api) {
  return {
    list: () => api.get('/api/flows'),
    get: (id) => api.get(`/api/flows/${enc(id)}`),
    save: (id, yaml) => api.put(`/api/flows/${enc(id)}`, yaml, { contentType: YAML_TYPE }),
    validate: (id, yaml, signal) => api.post(`/api/flows/${enc(id)}/validate`, yaml, { contentType: YAML_TYPE, signal }),
    publish: (id) => api.post(`/api/flows/${enc(id)}/publish`),
    versions: (id) => api.get(`/api/flows/${enc(id)}/versions`),
    version: (id, version) => api.get(`/api/flows/${enc(id)}/versions/${version}`),
    restore: (id, version) => api.post(`/api/flows/${enc(id)}/versions/${version}/restore`),
    schema: () => api.get('/api/flow-schema'),
    simulate: (id, sample) => api.post(`/api/flows/${enc(id)}/simulations`, sample),
    say: (id, sid, message) => api.post(`/api/flows/${enc(id)}/simulations/${enc(sid)}/messages`, message),
    restart: (id, sid) => api.post(`/api/flows/${enc(id)}/simulations/${enc(sid)}/restart`, {}),
    jump: (id, sid, step) => api.post(`/api/flows/${enc(id)}/simulations/${enc(sid)}/jump`, { step }),
    tests: testApi(api),
  };
}

export function testApi(api) {
  return {
    list: (id) => api.get(`/api/flows/${enc(id)}/tests`),
    save: (id, name, yaml) => api.post(`/api/flows/${enc(id)}/tests`, { name, yaml }),
    remove: (id, testId) => api.delete(`/api/flows/${enc(id)}/tests/${enc(testId)}`),
    run: (id, yaml) => api.post(`/api/flows/${enc(id)}/tests/run`, { yaml }),
  };
}
