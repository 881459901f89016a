// Dart models (freezed + json_serializable) for Flutter apps, from the exported schema. Run with
// `make clients` (from clients/typescript, whose node_modules hold the generator); never edit
// lib/pawgraph_models.dart by hand.
import type { CodegenConfig } from "@graphql-codegen/cli";

// The drift test generates into a temporary file and compares.
const output = process.env["PAWGRAPH_DART_CODEGEN_OUTPUT"] ?? "../dart/lib/pawgraph_models.dart";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  generates: {
    [output]: {
      plugins: ["flutter-freezed"],
      config: {
        // Values as the schema spells them: json_serializable maps an enum by its name, and
        // the camel-cased form would need @JsonValue, which this plugin does not write.
        camelCasedEnums: false,
        customScalars: {
          DateTime: "DateTime",
          Date: "String",
          Time: "String",
          Decimal: "String",
          JSON: "Object",
        },
      },
    },
  },
};

export default config;
