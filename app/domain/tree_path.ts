/**
 * Materialised paths for the department and category trees: '/1/5/12/' is
 * node 12 under 5 under 1. A subtree is one indexed `LIKE '/1/5/%'` query,
 * which keeps department scoping a plain WHERE clause.
 */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`
}

/** Whether the node at `path` lies inside the subtree rooted at `rootPath` (inclusive). */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath)
}

/** Number of nodes on the path (a root has depth 1). */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length
}
