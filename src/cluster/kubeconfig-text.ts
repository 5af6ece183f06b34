/**
 * Words about a kubeconfig that are safe to print: a cluster error can end up in a pull
 * request comment, an annotation or a log, and the kubeconfig holds credentials. Library
 * messages are cut to their first line and every credential the kubeconfig holds is
 * replaced; a YAML error says where, never what (the parser's snippet quotes the lines).
 */
import type { KubeConfig } from '@kubernetes/client-node';

const MASK = '***';

/** How to name the kubeconfig a user passed, without printing content passed by mistake. */
export function describeKubeconfigPath(path: string): string {
  return looksLikeContent(path) ? 'the kubeconfig given (that looks like its content, not a path)' : path;
}

export function looksLikeContent(path: string): boolean {
  return path.includes('\n') || path.length > 1024;
}

/** Every credential string of the kubeconfig's users, longest first. */
export function kubeconfigCredentials(kubeConfig: KubeConfig): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 4) found.add(value);
  };
  for (const user of kubeConfig.getUsers()) {
    add(user.token);
    add(user.password);
    add(user.keyData);
    for (const value of Object.values(user.authProvider?.config ?? {})) add(value);
    for (const variable of (user.exec?.env ?? []) as { value?: unknown }[]) add(variable.value);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The first line of a library's error message, with the kubeconfig's credentials masked. */
export function safeLibraryMessage(error: unknown, kubeConfig?: KubeConfig): string {
  const mark = (error as { mark?: { line?: number; column?: number }; reason?: unknown }).mark;
  if (mark && typeof mark.line === 'number') {
    const reason = (error as { reason?: unknown }).reason;
    const why = typeof reason === 'string' ? `: ${reason}` : '';
    return `it is not valid YAML at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1}${why}`;
  }
  let message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  for (const credential of kubeConfig ? kubeconfigCredentials(kubeConfig) : []) {
    message = message.replaceAll(credential, MASK);
  }
  return message;
}
