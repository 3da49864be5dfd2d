/** Limits on account fields: validation and the messages that explain them both read these. */
export const ACCOUNT_LIMITS = {
  email: 254,
  jobTitle: 80,
  name: 120,
  passwordMin: 12,
  passwordMax: 256,
} as const;
