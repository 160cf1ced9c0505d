import { type HostError } from '@healthcode/core';
import { mockHost, type FetchLike } from '@healthcode/mock-host';
import { testHost, type FakeServer, type ScriptedFailure, type ScriptedOperation } from '@healthcode/test-utils';

/** Puts the conformance server behind a real `fetch` signature, so the mock's fetch path is what runs. */
function fetchFrom(server: FakeServer): FetchLike {
  return async (url, init) => {
    const answer = server({ url, method: init.method, headers: init.headers, body: init.body });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}

const operations = {
  scan: 'scan.scanQRCode',
  request: 'request',
  location: 'location.getLocation',
} as const satisfies Record<ScriptedOperation, string>;

const codes = { cancelled: 'host/cancelled', denied: 'host/denied', network: 'host/network', timeout: 'host/timeout' } as const satisfies Record<
  ScriptedFailure,
  HostError['code']
>;

testHost({
  name: 'mock',
  skip: ['canvas'],
  setup(server) {
    const host = mockHost({ fetch: fetchFrom(server) });
    return {
      host,
      script: {
        queueScan: (text) => host.queueScan(text),
        failNext: (operation, failure) => host.failNext(operations[operation], codes[failure]),
        answerNextConfirm: (confirmed) => host.queueConfirm(confirmed),
        takeScreenshot: () => host.takeScreenshot(),
        setLocation: (latitude, longitude) => void (host.state.location = { latitude, longitude }),
        setPixelRatio: (pixelRatio) => void (host.state.systemInfo.pixelRatio = pixelRatio),
      },
    };
  },
});
