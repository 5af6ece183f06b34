/**
 * The stable branch a promotion is pushed to when it lands through a change request: one
 * per target environment, or one per target and image. Being stable is what lets a newer
 * promotion find and update the open change request instead of opening a second one.
 */
export function promotionBranch(target: string, image?: string): string {
  const slug = image
    ?.toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Git cannot hold a branch and another branch below it (`a/b` and `a/b/c`): per-image
  // branches live apart from `plumbline/promote/<env>`, and an environment named with
  // slashes (`eu/prod`, found by discovery) becomes one segment (`eu--prod`) so that it
  // cannot collide with an environment `eu`.
  const environment = target.replaceAll('/', '--');
  return slug ? `plumbline/promote-image/${environment}/${slug}` : `plumbline/promote/${environment}`;
}
