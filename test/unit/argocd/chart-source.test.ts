/** Argo CD chart sources as plumbline's chart sources, and the hosts Applications name. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { argoChartHosts, argoChartSource } from '../../../src/argocd/chart-source.js';

describe('argoChartSource', () => {
  it('reads a Helm repository by its URL and an OCI registry without a scheme', () => {
    expect(
      argoChartSource({ repoURL: 'https://charts.example.com/', chart: 'web', targetRevision: '1.x' }, 'a'),
    ).toEqual({ repository: 'https://charts.example.com', name: 'web', version: '1.x' });
    expect(
      argoChartSource({ repoURL: 'registry.example.com/charts', chart: 'web', targetRevision: '2.0.0' }, 'a'),
    ).toEqual({ repository: 'oci://registry.example.com/charts', name: 'web', version: '2.0.0' });
    expect(() =>
      argoChartSource({ repoURL: 'https://charts.example.com', chart: 'web' }, 'app.yaml:3: spec.source'),
    ).toThrow('app.yaml:3: spec.source: a chart source needs targetRevision');
  });
});

describe('argoChartHosts', () => {
  it('names the hosts of every chart source, single or among several, and nothing else', () => {
    const objects = parse(`
- apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: { name: a }
  spec:
    source: { repoURL: https://charts.example.com, chart: web, targetRevision: 1.0.0 }
- apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: { name: b }
  spec:
    sources:
      - { repoURL: registry.example.com:5000/charts, chart: db, targetRevision: 1.0.0 }
      - { repoURL: https://github.com/example/gitops, path: apps/b }
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: c }
  spec: { source: { repoURL: https://elsewhere.example.com, chart: x } }
`);
    expect(argoChartHosts(objects)).toEqual(['charts.example.com', 'registry.example.com:5000']);
  });
});
