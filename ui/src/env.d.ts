// Modules Vite provides beyond TypeScript's view: style sheets imported for their effect.
declare module '*.css';
