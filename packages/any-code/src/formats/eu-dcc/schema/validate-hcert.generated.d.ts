/** Whether `data` is a valid HCERT payload (EU DCC combined JSON Schema 1.3.3), compiled ahead of time. */
export declare function validate(data: unknown): boolean;
