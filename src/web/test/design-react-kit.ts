// Stands in for design-react-kit in the unit tests, which run in Node without a DOM: the kit is browser-only
// (and its package exports no condition Node resolves). Tests may import modules that use it, not render them.
export {};
