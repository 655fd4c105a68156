// The part of autocannon 9's API bench/http.ts uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = { url: string; connections?: number; duration?: number; amount?: number; timeout?: number; requests?: Request[] };
    type Result = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number };
    type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };
  }
  const autocannon: (options: autocannon.Options) => autocannon.Instance;
  export default autocannon;
}
