import type { PrivateJwk } from '@healthcode/core/code';

// TEST KEYS ONLY. These private keys are public in this repository and in docs/code-format.md;
// never trust them outside tests and examples.

/** Fixed ES256 issuer key of the docs example (kid `example-sh-2026-1`). */
export const TEST_ISSUER_KEY: Readonly<PrivateJwk> = Object.freeze({
  kty: 'EC',
  kid: 'example-sh-2026-1',
  alg: 'ES256',
  crv: 'P-256',
  x: 'Vr0A-qBe0-GFZQjsf7PkABgAgkaqBwEgav6cZZR51-s',
  y: 'L-CUDuqZf4HPCOZ2lfZAX5Hs9rgJUcpGdSXYj9t1iPM',
  d: 'Ucjqupftv7MdbLE5WRCtrA-aqZe3jNWisY8Bl1w92lM',
});

/** Fixed ES256 key the example issuer rotates to (kid `example-sh-2026-2`). */
export const TEST_ISSUER_NEXT_KEY: Readonly<PrivateJwk> = Object.freeze({
  kty: 'EC',
  kid: 'example-sh-2026-2',
  alg: 'ES256',
  crv: 'P-256',
  x: 'RmTkKQyHSqkEq5QRDL_B0RhBnCcPx-qEaIsQPl-np3Y',
  y: '-FjSyxLCFlhqfxVhG7bTGQkCaGCkqoF2_CA84DlD9go',
  d: 'Yyq0djozxnP6FzUhvZowLoB7WMpw3XWHqV4PehUQujQ',
});

/** Fixed ES256 root key that signs example trust lists (kid `example-root-1`). */
export const TEST_ROOT_KEY: Readonly<PrivateJwk> = Object.freeze({
  kty: 'EC',
  kid: 'example-root-1',
  alg: 'ES256',
  crv: 'P-256',
  x: 'B3lBojDprp1DTuqQ1lFMbIcw8lJZ1AoHwUl3FM9n8YE',
  y: '5HenAVs230hoBYbhuT3M_DIDPCznMtCXQmZgNiDUPYk',
  d: 'KMZ0MCAu7RLL_4VLgsqXOufd4KgozpG9j0RFEOdjy0g',
});

/** Fixed RSA-2048 key for RS256 tests (kid `example-rsa-1`); spread it with `alg: 'PS256'` for PS256. */
export const TEST_RSA_KEY: Readonly<PrivateJwk> = Object.freeze({
  kty: 'RSA',
  kid: 'example-rsa-1',
  alg: 'RS256',
  n: 'xi_M-CLDqfMAFmP2SUrxOPTa1UWHkiwmRFs8B4Mg2N284RJwUbyPMq7XzlZuQKahNNyxxtIcLUoFDkOIg0L0FlmPbAe3kI2i548MDdupvxOiWjMBN21hOKziS2TvXb2HxzezdV2RpCV25zIuC6HBDDbfBerQaR0VJsJnni3ntjfceBE8ieaZuF2IQGufcTsm2WLcErJgOvuRG10LzJlEnbavdCaQ5uIDglGg9tHCBSovs5Bbo-8ZfYEoSiN315R77Cv85HbAKiNy7VIhDDCiW0XauZtQ7bn7C984wfZ9Oe7svgGV7U-0x_FaHEaA5bp6IaC1rfzbTPeXpnDwRkXGjQ',
  e: 'AQAB',
  d: 'L98ReVl6XkWEXqQwNCV-TXX1mwDzvZbc-nN4NU9TApdS_aHE0DWF-GXb2mstr_-f3mM1rPMJG9ZukLK22Y_1YiWpe1yE1k2kDR9UN8-4uZ8ePv_lehQ5YOV_ttrvZ7r1fmVBu6aJnLbw-Oj5ztT4SsFBT05YH5_HAWkBeueXOf_o6gzVUFfi-BpiUpVB2YKlOSW1HDln32vhZtoX6nx9NCPf0qWnvO-oLBThdI94esXGWfqlw2F_zty1lGVMmGm9Q5fHwLTVMJyoQJWYv6Pdu6zTFc3HYcxlBQivB4pkbV0RLdzd3S9AKdYucMPx0cRNfebGDZ0N21tMWL5w9EDDkQ',
  p: '6Hdiro_gKrnDVAieEjSzU0IrS92PwtTTNOCQzLYJz602KBirPfW2xmZykUYoWKAfD5VRVR1soJBrRytVZt9UiWOEYiNjPGK4UcLoUIi1LkB9u_O3CugQR_5luQq2d8cH96iMQXi-bvzNNHlr9pW1AT-t4d2dy2qRNPDZFkOgP90',
  q: '2kAFmrRyn9lZd2IR8T7FOehToQLMAaU28BEAo1OJbP9D9GXaI8e-OnsugfBrXFkwi2JVIt2bAXDPisVBv_BKwVar9Qg-9RLn4h72Vw6nJanrXbDC_lQIr6M2Q7pQ3Eai-r64qy_KvqupZXIrx-UBCHA5zAykG2dtxtjZwnpBjnE',
  dp: 'XyTVv8plHjePiWpJf_wP1SjE3bUd7Mj8dKzgtthepaAoBTsrgx15JDSz-V90jeljLRaZBjQXzJOvRJ6owoTvbZfMi_od2I4zEEusl6GMPhTpIS77oLwgRccKTTTkP5u3WBak6PsJPhW7yxlTJcZaIdu1SDdTKPlB2yAkSad-BAU',
  dq: 'RObFXivtrA1gM1Jgu7rHZRq1nDVX1oUkLPIRM37h-ek0uOmWzoj2w1u0OQ1_t23o53gpzJINp4zH2NWhhkkEMLl-HCN4TMKlNjv0JVPY7QkR50gwpz48Z8atEQC3GnOqbGLdxh2Wck-bcQ10SO1BQDq95G9xN72VaJt5U-5o1-E',
  qi: 'ZQL6HQWXjsI9zCiP47-Etn4s7qY5c9o3aUMSLP4ghXFmoHM6V8gRJ1mSUeFvSSXtvyvt31tDkE8KY79Me3FACNh2b-BXXabMCEeFv3U5a9e83w-hY3jQ2p9iWGXyWrW3XfpFMtIjmwImcv8t3ZwQPOX8bzBTQhHyikMcvNxLxC4',
});
