// zod schemas of this area: filled in with its API.
export {}
