/**
 * The words every report format shares, so Markdown, text and JSON readers see the same
 * names for the same things.
 */
import type {
  ChangeKind,
  ComparisonTarget,
  ConfigProvenance,
  Counts,
  EnvironmentResult,
  Notice,
  ObjectChange,
  PlanResult,
  RiskKind,
} from '../diff/model.js';
import { remedySentence, type Vocabulary } from '../remedy.js';

export const RISK_LABELS: Record<RiskKind, { one: string; many: string }> = {
  deletion: { one: 'deletion', many: 'deletions' },
  'namespace-deletion': { one: 'namespace deletion', many: 'namespace deletions' },
  'immutable-field': { one: 'immutable field change', many: 'immutable field changes' },
  'pvc-shrink': { one: 'PVC shrink', many: 'PVC shrinks' },
};

const RISK_ORDER: RiskKind[] = ['namespace-deletion', 'deletion', 'immutable-field', 'pvc-shrink'];

export const CHANGE_SYMBOLS: Record<ChangeKind, string> = {
  added: '+',
  changed: '~',
  deleted: '-',
  unchanged: ' ',
};

/** The objects a report lists: unchanged ones are only counted. */
export function listedChanges(environment: EnvironmentResult): ObjectChange[] {
  return environment.changes.filter((change) => change.change !== 'unchanged');
}

/** `1 deletion, 2 immutable field changes`, most severe first; '' when there are none. */
export function describeRisks(changes: readonly ObjectChange[]): string {
  const counts = new Map<RiskKind, number>();
  for (const change of changes)
    for (const risk of change.risks) counts.set(risk.kind, (counts.get(risk.kind) ?? 0) + 1);
  return RISK_ORDER.filter((kind) => counts.has(kind))
    .map((kind) => {
      const count = counts.get(kind)!;
      return `${count} ${count === 1 ? RISK_LABELS[kind].one : RISK_LABELS[kind].many}`;
    })
    .join(', ');
}

export function riskCount(result: PlanResult): number {
  return result.environments.reduce(
    (sum, env) => sum + env.changes.reduce((inner, change) => inner + change.risks.length, 0),
    0,
  );
}

/** `main (a1b2c3d)`: a ref with its short commit. */
export function describeRef(ref: { ref: string; sha: string }): string {
  return `${ref.ref} (${ref.sha.slice(0, 7)})`;
}

/**
 * The Secret keys whose values differ, as `data.password`, read from the field pointers:
 * the diff itself only shows masked tokens, so this is how a reader learns what changed.
 */
export function secretValueChanges(change: ObjectChange): string[] {
  if (change.id.kind !== 'Secret' || change.id.group !== '') return [];
  const keys: string[] = [];
  for (const pointer of change.fields) {
    const match = /^\/(data|stringData)(?:\/(.*))?$/.exec(pointer);
    if (!match) continue;
    const key = match[2] === undefined ? '' : match[2].replaceAll('~1', '/').replaceAll('~0', '~');
    keys.push(key ? `${match[1]}.${key}` : match[1]!);
  }
  return keys;
}

/** The diff's lines without a trailing newline; the diff stage gives hunks only, no file header. */
export function diffBody(diff: string): string {
  return diff.replace(/\n+$/, '');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What a report says when the change touches the configuration: the plan obeyed the
 * base's, and the change's own takes effect once merged. Undefined when it is untouched.
 */
export function configChangeNotice(config: ConfigProvenance | undefined): string | undefined {
  if (!config?.headChange) return undefined;
  const file = config.file ?? 'plumbline.yaml';
  const what = { added: 'adds', changed: 'edits', removed: 'removes' }[config.headChange];
  const followed = config.headChange === 'added' ? 'the base, which has none' : `the base's ${file}`;
  return `This change ${what} ${file}. The plan follows ${followed}; the change to it takes effect once merged.`;
}

/** `base main (a1b2c3d)`, `cluster dev`, `cluster (current context)`, `no cluster`. */
export function describeComparedWith(target: ComparisonTarget): string {
  switch (target.kind) {
    case 'base':
      return `base ${target.ref} (${target.sha.slice(0, 7)})`;
    case 'cluster':
      return `cluster ${target.context ?? '(current context)'}`;
    case 'no-cluster':
      return 'no cluster';
  }
}

/** A notice in words, with the remedy in `vocabulary`'s words where there is one. */
export function describeNotice(environment: string, notice: Notice, vocabulary: Vocabulary): string {
  switch (notice.kind) {
    case 'no-credentials':
      return `no cluster credentials were given, so ${environment} is compared with the base branch only`;
    case 'fork':
      return `this change comes from a fork, and a fork's runs get no secrets, so there is no kubeconfig: ${environment} is compared with the base branch only`;
    case 'no-cluster': {
      const remedy = remedySentence('context', vocabulary);
      return `${environment} has no cluster, so it was not compared with one; set cluster.context for it in plumbline.yaml${remedy ? `. ${remedy}` : ''}`;
    }
    case 'deletions-unseen':
      return `deletions of ${notice.kinds.join(', ')} cannot be seen: the identity in use may not list them`;
  }
}

/** `1 to add, 2 to change, 0 to delete, 4 unchanged`: one environment's counts, as every report says them. */
export function describeCounts({ added, changed, deleted, unchanged }: Counts): string {
  return `${added} to add, ${changed} to change, ${deleted} to delete, ${unchanged} unchanged`;
}

/**
 * What rendered an environment, beyond its files: each chart fetched (its version, and the
 * base's when the change moves it) and the capabilities helm was given. One sentence per
 * fact; none when helm did not run.
 */
export function describeRendered(rendered: EnvironmentResult['rendered']): string[] {
  if (!rendered) return [];
  const sentences: string[] = [];
  const head = rendered.head ?? rendered.base;
  for (const chart of head?.charts ?? []) {
    const before = rendered.base?.charts.find(
      (candidate) => candidate.repository === chart.repository && candidate.name === chart.name,
    );
    const version =
      rendered.head && before && before.version !== chart.version
        ? `${before.version} → ${chart.version}`
        : chart.version;
    const digest = (chart.manifestDigest ?? chart.digest).slice(0, 'sha256:'.length + 12);
    const of = chart.dependencyOf ? `, a dependency of ${chart.dependencyOf}` : '';
    sentences.push(`chart ${chart.name} ${version} from ${chart.repository} (${digest})${of}`);
  }
  const capabilities = head?.capabilities;
  if (capabilities) {
    const version = capabilities.kubeVersion
      ? `Kubernetes ${capabilities.kubeVersion}`
      : "helm's default Kubernetes version";
    const apis =
      capabilities.apiVersions > 0 ? ` and ${plural(capabilities.apiVersions, 'API version')}` : '';
    const from = {
      cluster: "from the cluster's discovery",
      configuration: 'from the configuration',
      helm: "(helm's defaults: no cluster was asked and the configuration sets none)",
    }[capabilities.from];
    const helm = head?.helmVersion ? `helm ${head.helmVersion}` : 'helm';
    sentences.push(`${helm} rendered for ${version}${apis} ${from}`);
  }
  return sentences;
}

/** The environments an offline plan left out, and why; names listed up to a point. */
export function describeUnaffected(names: readonly string[], listed = 20): string {
  const shown = names.slice(0, listed).join(', ');
  const more = names.length > listed ? ` and ${names.length - listed} more` : '';
  return `${plural(names.length, 'environment')} not planned: no file the change touches is one they read (${shown}${more})`;
}

/** What a partial plan (a merge of some shards only) says it leaves out. */
export function describeMissingShards(missing: readonly number[]): string {
  const list = missing.length === 1 ? `shard ${missing[0]} is` : `shards ${missing.join(', ')} are`;
  return `Partial plan: ${list} missing. Their environments are not in this plan, and nothing is said about them.`;
}
