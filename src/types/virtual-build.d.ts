declare module 'virtual:commonroom/build' {
  const facts: import('../lib/build-facts.ts').BuildFacts;
  export default facts;
}
