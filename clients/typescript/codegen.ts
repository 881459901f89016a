// Typed documents for the operations the apps ship, from the exported schema. Run from the
// repository root with `make clients`; never edit src/gql/ by hand.
import { createHash } from "node:crypto";

import type { CodegenConfig } from "@graphql-codegen/cli";

// Plain hex sha256 of the document as sent: what Apollo's persisted-query extension carries.
const sha256 = (document: string): string => createHash("sha256").update(document).digest("hex");

// The drift test generates into a temporary directory and compares.
const output = process.env["PAWGRAPH_TS_CODEGEN_OUTPUT"] ?? "./src/gql/";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["../operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [output]: {
      preset: "client",
      presetConfig: {
        // No fragment masking: the apps read fragment fields straight off the result.
        fragmentMasking: false,
        // persisted-documents.json: sha256 hash -> document, the trusted-documents manifest.
        persistedDocuments: { hashAlgorithm: sha256 },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: "string",
          Date: "string",
          Time: "string",
          Decimal: "string",
          JSON: "unknown",
        },
      },
    },
  },
};

export default config;
