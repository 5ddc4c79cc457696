export * from './feed'
export * from './semver'
