// ../typescript/src/gql/graphql.ts
var LoginDocument = { "__meta__": { "hash": "303496567da77f6d7dff9ca8ef978a3e0e68f5c403b16b4c8644653d2a3856f6" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "Login" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "LoginInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "login" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "accessToken" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "user" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "User" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "email" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }, { "kind": "Field", "name": { "kind": "Name", "value": "role" } }, { "kind": "Field", "name": { "kind": "Name", "value": "timeZone" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var LogoutDocument = { "__meta__": { "hash": "5c9106f243bb680d43714d123e6cfe6b49cbed6bf70ee5989b40c4ad734800df" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "Logout" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "LogoutInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "logout" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "revoked" } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var AlertsDocument = { "__meta__": { "hash": "228ea35b3e8c435dae6b4b6e86799b7b1460fd3dbcd913e7b2ec59e06c0a3d93" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "Alerts" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "kind" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "AlertKind" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "status" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "AlertStatus" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "alerts" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "kind" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "kind" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "status" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "status" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "after" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pageInfo" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "PageInfoFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "AlertFields" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "PageInfoFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "PageInfo" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hasNextPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hasPreviousPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "startCursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "endCursor" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "AlertFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Alert" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }, { "kind": "Field", "name": { "kind": "Name", "value": "raisedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "acknowledgedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedByCondition" } }, { "kind": "Field", "name": { "kind": "Name", "value": "device" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }] } }] } }] };
var AcknowledgeAlertDocument = { "__meta__": { "hash": "02a921ddfb6b77f24b84f848a74cae842122d8e9e222d9471a2909b24275b0a5" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "AcknowledgeAlert" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "AlertIdInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "acknowledgeAlert" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "alert" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "AlertFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "AlertFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Alert" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }, { "kind": "Field", "name": { "kind": "Name", "value": "raisedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "acknowledgedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedByCondition" } }, { "kind": "Field", "name": { "kind": "Name", "value": "device" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var ClearAlertDocument = { "__meta__": { "hash": "c327977a12c2083e97b1ac83d9f165a4385720d5dfedc88972eba2e45d79feb3" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "ClearAlert" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "AlertIdInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "clearAlert" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "alert" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "AlertFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "AlertFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Alert" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }, { "kind": "Field", "name": { "kind": "Name", "value": "raisedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "acknowledgedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedByCondition" } }, { "kind": "Field", "name": { "kind": "Name", "value": "device" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var AlertRaisedDocument = { "__meta__": { "hash": "d95cb9dab1b0fa1b5a36251290c59f211c485102b31bc43d7a5d7f3bf18a2048" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "subscription", "name": { "kind": "Name", "value": "AlertRaised" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "alertRaised" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "AlertFields" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "AlertFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Alert" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }, { "kind": "Field", "name": { "kind": "Name", "value": "raisedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "acknowledgedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "clearedByCondition" } }, { "kind": "Field", "name": { "kind": "Name", "value": "device" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }] } }] } }] };
var TreatDocument = { "__meta__": { "hash": "64c2a92237ed9711ccac72af9b895c9d4811c5d80c7c626dff5fc2c8d40ee48b" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "Treat" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "TreatInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "treat" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "command" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "treat" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "issuedAt" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var CommandsDocument = { "__meta__": { "hash": "3a5838118bce86ab411a689517ab43f7ccdfbb3c26f9d2b760bc680a9bd3c51a" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "Commands" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "status" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "CommandStatus" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "groupId" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "commands" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "status" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "status" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "groupId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "groupId" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "after" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pageInfo" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "PageInfoFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "PageInfoFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "PageInfo" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hasNextPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hasPreviousPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "startCursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "endCursor" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }] };
var CommandUpdatedDocument = { "__meta__": { "hash": "5f3a66ddef8d956b21fb977d76197649c8ed8e2f2fc438282e0c930f4934c14f" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "subscription", "name": { "kind": "Name", "value": "CommandUpdated" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "commandUpdated" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }] };
var DashboardDocument = { "__meta__": { "hash": "216586cf874690d6bee878eb03b8aef30ad4791cefe94039788d375976a31472" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "Dashboard" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "pets" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "devicesPerPet" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "me" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }, { "kind": "Field", "name": { "kind": "Name", "value": "unreadNotificationCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pets" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "pets" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "species" } }, { "kind": "Field", "name": { "kind": "Name", "value": "devices" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "devicesPerPet" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "latestReadings" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "key" } }, { "kind": "Field", "name": { "kind": "Name", "value": "value" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "openAlerts" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }, { "kind": "Field", "name": { "kind": "Name", "value": "raisedAt" } }] } }] } }] } }] } }] } }] } }] } }] } }] } }] };
var DevicesDocument = { "__meta__": { "hash": "4cc00bc4daeac5a3a8a131a464ccb376bc95a665c861e278f92a2a3c2913f8f4" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "Devices" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "kind" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "DeviceKind" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "online" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Boolean" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "ownerId" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "devices" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "kind" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "kind" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "online" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "online" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "ownerId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "ownerId" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "after" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pageInfo" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "PageInfoFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "cursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "DeviceFields" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "DeviceStatusFields" } }] } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "PageInfoFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "PageInfo" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hasNextPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hasPreviousPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "startCursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "endCursor" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "DeviceFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Device" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "location" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "firmwareVersion" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "parentHub" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "DeviceStatusFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "DeviceStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "__typename" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceTime" } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeederStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "wifiRssi" } }, { "kind": "Field", "name": { "kind": "Name", "value": "uptimeSeconds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "dailyFeeds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastFeedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperMm" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "tofOk" } }, { "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "CollarStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "batteryPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "heartRate" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastPosition" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "latitude" } }, { "kind": "Field", "name": { "kind": "Name", "value": "longitude" } }] } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "OutletStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentAMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentBMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }, { "kind": "Field", "name": { "kind": "Name", "value": "thresholdMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "HubStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "breakerCurrentMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "BatteryStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }] } }] };
var DeviceByIdDocument = { "__meta__": { "hash": "5ccf743293e0444e14ca382a9faa5ccee728a64ec45f24c2bd15928c97503553" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "DeviceById" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "id" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "id" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "id" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "__typename" } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Device" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "DeviceFields" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "DeviceStatusFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "outlets" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "IntValue", "value": "100" } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }] } }] } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "latestReadings" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "key" } }, { "kind": "Field", "name": { "kind": "Name", "value": "value" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "DeviceFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Device" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "location" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "firmwareVersion" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "parentHub" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "DeviceStatusFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "DeviceStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "__typename" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceTime" } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeederStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "wifiRssi" } }, { "kind": "Field", "name": { "kind": "Name", "value": "uptimeSeconds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "dailyFeeds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastFeedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperMm" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "tofOk" } }, { "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "CollarStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "batteryPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "heartRate" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastPosition" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "latitude" } }, { "kind": "Field", "name": { "kind": "Name", "value": "longitude" } }] } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "OutletStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentAMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentBMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }, { "kind": "Field", "name": { "kind": "Name", "value": "thresholdMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "HubStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "breakerCurrentMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "BatteryStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }] } }] };
var DeviceStatusDocument = { "__meta__": { "hash": "6c69eecd19ffa7f8466553e4d1d164de5805be8eb0ff20bfb58c23398f329d9f" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "subscription", "name": { "kind": "Name", "value": "DeviceStatus" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "deviceStatus" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "DeviceStatusFields" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "DeviceStatusFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "DeviceStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "__typename" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastSeenAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceTime" } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeederStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "wifiRssi" } }, { "kind": "Field", "name": { "kind": "Name", "value": "uptimeSeconds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "dailyFeeds" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastFeedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperMm" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hopperPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "tofOk" } }, { "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "CollarStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "batteryPercent" } }, { "kind": "Field", "name": { "kind": "Name", "value": "heartRate" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastPosition" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "latitude" } }, { "kind": "Field", "name": { "kind": "Name", "value": "longitude" } }] } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "OutletStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentAMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentBMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }, { "kind": "Field", "name": { "kind": "Name", "value": "thresholdMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "HubStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "breakerCurrentMilliamps" } }] } }, { "kind": "InlineFragment", "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "BatteryStatus" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "errorMessage" } }] } }] } }] };
var FeedingSchedulesDocument = { "__meta__": { "hash": "ae0c2b87a3410473194b55e4c5b7d47d1411c56402da870636b65a021ce165a5" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "FeedingSchedules" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "feedingSchedules" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "after" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pageInfo" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "PageInfoFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "FeedingScheduleFields" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "PageInfoFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "PageInfo" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hasNextPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hasPreviousPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "startCursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "endCursor" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "FeedingScheduleFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeedingSchedule" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "time" } }, { "kind": "Field", "name": { "kind": "Name", "value": "daysOfWeek" } }, { "kind": "Field", "name": { "kind": "Name", "value": "grams" } }, { "kind": "Field", "name": { "kind": "Name", "value": "label" } }, { "kind": "Field", "name": { "kind": "Name", "value": "enabled" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "updatedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastTriggeredAt" } }] } }] };
var CreateFeedingScheduleDocument = { "__meta__": { "hash": "a02f8156203666774befa47c17a54874631351aa95d9d12d55f06182d851b009" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "CreateFeedingSchedule" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "CreateFeedingScheduleInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "createFeedingSchedule" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "feedingSchedule" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "FeedingScheduleFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "FeedingScheduleFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeedingSchedule" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "time" } }, { "kind": "Field", "name": { "kind": "Name", "value": "daysOfWeek" } }, { "kind": "Field", "name": { "kind": "Name", "value": "grams" } }, { "kind": "Field", "name": { "kind": "Name", "value": "label" } }, { "kind": "Field", "name": { "kind": "Name", "value": "enabled" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "updatedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastTriggeredAt" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var UpdateFeedingScheduleDocument = { "__meta__": { "hash": "a42ee34e1e061ccce2352ca7165fc66493c3475b7f0a018fefef3bf3d5e8a39d" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "UpdateFeedingSchedule" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "UpdateFeedingScheduleInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "updateFeedingSchedule" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "feedingSchedule" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "FeedingScheduleFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "FeedingScheduleFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeedingSchedule" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "time" } }, { "kind": "Field", "name": { "kind": "Name", "value": "daysOfWeek" } }, { "kind": "Field", "name": { "kind": "Name", "value": "grams" } }, { "kind": "Field", "name": { "kind": "Name", "value": "label" } }, { "kind": "Field", "name": { "kind": "Name", "value": "enabled" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "updatedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastTriggeredAt" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var DeleteFeedingScheduleDocument = { "__meta__": { "hash": "f1c3076f00815885519e963177870904cd10f143cd77692b1af600b70bd3a9f9" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "DeleteFeedingSchedule" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "DeleteFeedingScheduleInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "deleteFeedingSchedule" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "deletedFeedingScheduleId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var FeedNowDocument = { "__meta__": { "hash": "2d9de16cc4f8e819ad83900b5933fade85390267800d3f89bdf609198f7a749f" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "FeedNow" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "FeedNowInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "feedNow" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "command" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var NotificationsDocument = { "__meta__": { "hash": "9560d21bef7ec330120c12d44e9b76737cca3a3dbcee63873a71180a24589f4d" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "Notifications" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "order" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "NotificationOrder" } } }, "defaultValue": { "kind": "EnumValue", "value": "NEWEST_FIRST" } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "unreadOnly" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Boolean" } } }, "defaultValue": { "kind": "BooleanValue", "value": false } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "Int" } } }, { "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } }, "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "String" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "notifications" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "order" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "order" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "unreadOnly" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "unreadOnly" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "first" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "first" } } }, { "kind": "Argument", "name": { "kind": "Name", "value": "after" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "after" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "totalCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "pageInfo" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "PageInfoFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "edges" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "node" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "NotificationFields" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "PageInfoFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "PageInfo" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hasNextPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hasPreviousPage" } }, { "kind": "Field", "name": { "kind": "Name", "value": "startCursor" } }, { "kind": "Field", "name": { "kind": "Name", "value": "endCursor" } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "NotificationFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Notification" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "text" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "readAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "read" } }, { "kind": "Field", "name": { "kind": "Name", "value": "targetId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "actor" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }] } }] };
var UnreadNotificationCountDocument = { "__meta__": { "hash": "dcaff2ad9c68794a7528d4ec7ed97809a40f2fbb54acd15c6586b339adef7bac" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "UnreadNotificationCount" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "unreadNotificationCount" } }] } }] };
var MarkNotificationsReadDocument = { "__meta__": { "hash": "dfaf18e54a4e14d02c27c116aff36e5f207b46ab40de0b6023f09aea9900f5e7" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "MarkNotificationsRead" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "MarkNotificationsReadInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "markNotificationsRead" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "notifications" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "read" } }, { "kind": "Field", "name": { "kind": "Name", "value": "readAt" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "unreadCount" } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var NotificationReceivedDocument = { "__meta__": { "hash": "53ee9fb5c66bac47881225921bbb2f55ea1084a0c9b0381c65837d3bec731a68" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "subscription", "name": { "kind": "Name", "value": "NotificationReceived" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "notificationReceived" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "NotificationFields" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "NotificationFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Notification" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "text" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "readAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "read" } }, { "kind": "Field", "name": { "kind": "Name", "value": "targetId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "actor" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }] } }] };
var HubStateDocument = { "__meta__": { "hash": "37b6305423791ce11de3ab48ec5e0d02cfe9ba0bbfc7b77a0c51d755b35ba203" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "HubState" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "hubId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hubState" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "hubId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "hubId" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "hub" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "breakerCurrentMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "breakerReadingAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "outlets" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "OutletStateFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "focusedOutlet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "outlet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }] } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "OutletStateFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "OutletState" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "outlet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "thresholdMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentAMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentBMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastReadingAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "watched" } }] } }] };
var OutletStateDocument = { "__meta__": { "hash": "d786462b2eaac7e4aa0e44296dd65a344e539e87408f332dff559b9d49412f27" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "query", "name": { "kind": "Name", "value": "OutletState" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "outletId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "outletState" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "outletId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "outletId" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "OutletStateFields" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "OutletStateFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "OutletState" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "outlet" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "name" } }, { "kind": "Field", "name": { "kind": "Name", "value": "hardwareId" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "thresholdMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentAMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "currentBMilliamps" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }, { "kind": "Field", "name": { "kind": "Name", "value": "lastReadingAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "online" } }, { "kind": "Field", "name": { "kind": "Name", "value": "watched" } }] } }] };
var SetRelayDocument = { "__meta__": { "hash": "855e13bf51807bc3351f575709faa9f2b94a06881db8611c78c7051589356f01" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "SetRelay" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "SetRelayInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "setRelay" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "command" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var SetThresholdDocument = { "__meta__": { "hash": "f224c771398767e7c665d7005ead5289ce3fea7d4466e403b3f16aa4ca6cefef" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "SetThreshold" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "SetThresholdInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "setThreshold" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "command" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var CutAllPowerDocument = { "__meta__": { "hash": "690b687a71c9188795e72dbdf6b4411aa19840d18e96ba7183abb19287ab45c9" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "mutation", "name": { "kind": "Name", "value": "CutAllPower" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "CutAllPowerInput" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "cutAllPower" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "input" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "input" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "commands" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "CommandFields" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "userErrors" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "FragmentSpread", "name": { "kind": "Name", "value": "UserErrorFields" } }] } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "CommandFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "Command" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "kind" } }, { "kind": "Field", "name": { "kind": "Name", "value": "args" } }, { "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "confirmation" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }, { "kind": "Field", "name": { "kind": "Name", "value": "groupId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "createdAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "expiresAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "sentAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "finishedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "issuedBy" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "id" } }, { "kind": "Field", "name": { "kind": "Name", "value": "displayName" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "transitions" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "status" } }, { "kind": "Field", "name": { "kind": "Name", "value": "at" } }, { "kind": "Field", "name": { "kind": "Name", "value": "reason" } }] } }] } }, { "kind": "FragmentDefinition", "name": { "kind": "Name", "value": "UserErrorFields" }, "typeCondition": { "kind": "NamedType", "name": { "kind": "Name", "value": "UserError" } }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "field" } }, { "kind": "Field", "name": { "kind": "Name", "value": "code" } }, { "kind": "Field", "name": { "kind": "Name", "value": "message" } }] } }] };
var TelemetryUpdatedDocument = { "__meta__": { "hash": "06997b66188125eac8ac9b0e4105c1a68ac0cf36b37c9766a0cc5a04ebd47f7f" }, "kind": "Document", "definitions": [{ "kind": "OperationDefinition", "operation": "subscription", "name": { "kind": "Name", "value": "TelemetryUpdated" }, "variableDefinitions": [{ "kind": "VariableDefinition", "variable": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } }, "type": { "kind": "NonNullType", "type": { "kind": "NamedType", "name": { "kind": "Name", "value": "ID" } } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "telemetryUpdated" }, "arguments": [{ "kind": "Argument", "name": { "kind": "Name", "value": "deviceId" }, "value": { "kind": "Variable", "name": { "kind": "Name", "value": "deviceId" } } }], "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "deviceId" } }, { "kind": "Field", "name": { "kind": "Name", "value": "receivedAt" } }, { "kind": "Field", "name": { "kind": "Name", "value": "deviceTime" } }, { "kind": "Field", "name": { "kind": "Name", "value": "values" }, "selectionSet": { "kind": "SelectionSet", "selections": [{ "kind": "Field", "name": { "kind": "Name", "value": "key" } }, { "kind": "Field", "name": { "kind": "Name", "value": "value" } }] } }, { "kind": "Field", "name": { "kind": "Name", "value": "persisted" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayA" } }, { "kind": "Field", "name": { "kind": "Name", "value": "relayB" } }, { "kind": "Field", "name": { "kind": "Name", "value": "overload" } }] } }] } }] };

// ../typescript/node_modules/graphql-ws/dist/common-CGW11Fyb.js
function extendedTypeof(val) {
  if (val === null) {
    return "null";
  }
  if (Array.isArray(val)) {
    return "array";
  }
  return typeof val;
}
function isObject(val) {
  return extendedTypeof(val) === "object";
}
function areGraphQLFormattedErrors(obj) {
  return Array.isArray(obj) && // must be at least one error
  obj.length > 0 && // error has at least a message
  obj.every((ob) => "message" in ob);
}
function limitCloseReason(reason, whenTooLong) {
  return reason.length < 124 ? reason : whenTooLong;
}
var GRAPHQL_TRANSPORT_WS_PROTOCOL = "graphql-transport-ws";
var CloseCode = /* @__PURE__ */ ((CloseCode2) => {
  CloseCode2[CloseCode2["InternalServerError"] = 4500] = "InternalServerError";
  CloseCode2[CloseCode2["InternalClientError"] = 4005] = "InternalClientError";
  CloseCode2[CloseCode2["BadRequest"] = 4400] = "BadRequest";
  CloseCode2[CloseCode2["BadResponse"] = 4004] = "BadResponse";
  CloseCode2[CloseCode2["Unauthorized"] = 4401] = "Unauthorized";
  CloseCode2[CloseCode2["Forbidden"] = 4403] = "Forbidden";
  CloseCode2[CloseCode2["SubprotocolNotAcceptable"] = 4406] = "SubprotocolNotAcceptable";
  CloseCode2[CloseCode2["ConnectionInitialisationTimeout"] = 4408] = "ConnectionInitialisationTimeout";
  CloseCode2[CloseCode2["ConnectionAcknowledgementTimeout"] = 4504] = "ConnectionAcknowledgementTimeout";
  CloseCode2[CloseCode2["SubscriberAlreadyExists"] = 4409] = "SubscriberAlreadyExists";
  CloseCode2[CloseCode2["TooManyInitialisationRequests"] = 4429] = "TooManyInitialisationRequests";
  return CloseCode2;
})(CloseCode || {});
var MessageType = /* @__PURE__ */ ((MessageType2) => {
  MessageType2["ConnectionInit"] = "connection_init";
  MessageType2["ConnectionAck"] = "connection_ack";
  MessageType2["Ping"] = "ping";
  MessageType2["Pong"] = "pong";
  MessageType2["Subscribe"] = "subscribe";
  MessageType2["Next"] = "next";
  MessageType2["Error"] = "error";
  MessageType2["Complete"] = "complete";
  return MessageType2;
})(MessageType || {});
function validateMessage(val) {
  if (!isObject(val)) {
    throw new Error(
      `Message is expected to be an object, but got ${extendedTypeof(val)}`
    );
  }
  if (!val.type) {
    throw new Error(`Message is missing the 'type' property`);
  }
  if (typeof val.type !== "string") {
    throw new Error(
      `Message is expects the 'type' property to be a string, but got ${extendedTypeof(
        val.type
      )}`
    );
  }
  switch (val.type) {
    case "connection_init":
    case "connection_ack":
    case "ping":
    case "pong": {
      if (val.payload != null && !isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${val.payload}"`
        );
      }
      break;
    }
    case "subscribe": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object, but got ${extendedTypeof(
            val.payload
          )}`
        );
      }
      if (typeof val.payload.query !== "string") {
        throw new Error(
          `"${val.type}" message payload expects the 'query' property to be a string, but got ${extendedTypeof(
            val.payload.query
          )}`
        );
      }
      if (val.payload.variables != null && !isObject(val.payload.variables)) {
        throw new Error(
          `"${val.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${extendedTypeof(
            val.payload.variables
          )}`
        );
      }
      if (val.payload.operationName != null && extendedTypeof(val.payload.operationName) !== "string") {
        throw new Error(
          `"${val.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${extendedTypeof(
            val.payload.operationName
          )}`
        );
      }
      if (val.payload.extensions != null && !isObject(val.payload.extensions)) {
        throw new Error(
          `"${val.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${extendedTypeof(
            val.payload.extensions
          )}`
        );
      }
      break;
    }
    case "next": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!isObject(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an object, but got ${extendedTypeof(
            val.payload
          )}`
        );
      }
      break;
    }
    case "error": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      if (!areGraphQLFormattedErrors(val.payload)) {
        throw new Error(
          `"${val.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(
            val.payload
          )}`
        );
      }
      break;
    }
    case "complete": {
      if (typeof val.id !== "string") {
        throw new Error(
          `"${val.type}" message expects the 'id' property to be a string, but got ${extendedTypeof(
            val.id
          )}`
        );
      }
      if (!val.id) {
        throw new Error(
          `"${val.type}" message requires a non-empty 'id' property`
        );
      }
      break;
    }
    default:
      throw new Error(`Invalid message 'type' property "${val.type}"`);
  }
  return val;
}
function parseMessage(data, reviver) {
  return validateMessage(
    typeof data === "string" ? JSON.parse(data, reviver) : data
  );
}
function stringifyMessage(msg, replacer) {
  validateMessage(msg);
  return JSON.stringify(msg, replacer);
}

// ../typescript/node_modules/graphql-ws/dist/client.js
function createClient(options) {
  const {
    url,
    connectionParams,
    lazy = true,
    onNonLazyError = console.error,
    lazyCloseTimeout: lazyCloseTimeoutMs = 0,
    keepAlive = 0,
    disablePong,
    connectionAckWaitTimeout = 0,
    retryAttempts = 5,
    retryWait = async function randomisedExponentialBackoff(retries2) {
      const retryDelaySeconds = Math.pow(2, retries2);
      await new Promise(
        (resolve) => setTimeout(
          resolve,
          retryDelaySeconds * 1e3 + // add random timeout from 300ms to 3s
          Math.floor(Math.random() * (3e3 - 300) + 300)
        )
      );
    },
    shouldRetry = isLikeCloseEvent,
    on,
    webSocketImpl,
    /**
     * Generates a v4 UUID to be used as the ID using `Math`
     * as the random number generator. Supply your own generator
     * in case you need more uniqueness.
     *
     * Reference: https://gist.github.com/jed/982883
     */
    generateID = function generateUUID() {
      return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
        const r = Math.random() * 16 | 0, v = c == "x" ? r : r & 3 | 8;
        return v.toString(16);
      });
    },
    jsonMessageReplacer: replacer,
    jsonMessageReviver: reviver
  } = options;
  let ws;
  if (webSocketImpl) {
    if (!isWebSocket(webSocketImpl)) {
      throw new Error("Invalid WebSocket implementation provided");
    }
    ws = webSocketImpl;
  } else if (typeof WebSocket !== "undefined") {
    ws = WebSocket;
  } else if (typeof global !== "undefined") {
    ws = global.WebSocket || // @ts-expect-error: Support more browsers
    global.MozWebSocket;
  } else if (typeof window !== "undefined") {
    ws = window.WebSocket || // @ts-expect-error: Support more browsers
    window.MozWebSocket;
  }
  if (!ws)
    throw new Error(
      "WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`"
    );
  const WebSocketImpl = ws;
  const emitter = (() => {
    const message = /* @__PURE__ */ (() => {
      const listeners2 = {};
      return {
        on(id, listener) {
          listeners2[id] = listener;
          return () => {
            delete listeners2[id];
          };
        },
        emit(message2) {
          if ("id" in message2) listeners2[message2.id]?.(message2);
        }
      };
    })();
    const listeners = {
      connecting: on?.connecting ? [on.connecting] : [],
      opened: on?.opened ? [on.opened] : [],
      connected: on?.connected ? [on.connected] : [],
      ping: on?.ping ? [on.ping] : [],
      pong: on?.pong ? [on.pong] : [],
      message: on?.message ? [message.emit, on.message] : [message.emit],
      closed: on?.closed ? [on.closed] : [],
      error: on?.error ? [on.error] : []
    };
    return {
      onMessage: message.on,
      on(event, listener) {
        const l = listeners[event];
        l.push(listener);
        return () => {
          const i = l.indexOf(listener);
          if (i > -1) {
            l.splice(i, 1);
          }
        };
      },
      emit(event, ...args) {
        for (const listener of [...listeners[event]]) {
          listener(...args);
        }
      }
    };
  })();
  function errorOrClosed(cb) {
    const listening = [
      // errors are fatal and more critical than close events, throw them first
      emitter.on("error", (err) => {
        listening.forEach((unlisten) => unlisten());
        cb(err);
      }),
      // closes can be graceful and not fatal, throw them second (if error didnt throw)
      emitter.on("closed", (event) => {
        listening.forEach((unlisten) => unlisten());
        cb(event);
      })
    ];
    return () => listening.forEach((unlisten) => unlisten());
  }
  let connecting, locks = 0, lazyCloseTimeout, retrying = false, retries = 0, disposed = false;
  async function connect() {
    clearTimeout(lazyCloseTimeout);
    const [socket, throwOnClose] = await (connecting ?? (connecting = new Promise(
      (connected, denied) => (async () => {
        if (retrying) {
          await retryWait(retries);
          if (!locks) {
            connecting = void 0;
            return denied({ code: 1e3, reason: "All Subscriptions Gone" });
          }
          retries++;
        }
        emitter.emit("connecting", retrying);
        const socket2 = new WebSocketImpl(
          typeof url === "function" ? await url() : url,
          GRAPHQL_TRANSPORT_WS_PROTOCOL
        );
        let connectionAckTimeout, queuedPing;
        function enqueuePing() {
          if (isFinite(keepAlive) && keepAlive > 0) {
            clearTimeout(queuedPing);
            queuedPing = setTimeout(() => {
              if (socket2.readyState === WebSocketImpl.OPEN) {
                socket2.send(stringifyMessage({ type: MessageType.Ping }));
                emitter.emit("ping", false, void 0);
              }
            }, keepAlive);
          }
        }
        errorOrClosed((errOrEvent) => {
          connecting = void 0;
          clearTimeout(connectionAckTimeout);
          clearTimeout(queuedPing);
          denied(errOrEvent);
          if (errOrEvent instanceof TerminatedCloseEvent) {
            socket2.close(4499, "Terminated");
            socket2.onerror = null;
            socket2.onclose = null;
          }
        });
        socket2.onerror = (err) => emitter.emit("error", err);
        socket2.onclose = (event) => emitter.emit("closed", event);
        socket2.onopen = async () => {
          try {
            emitter.emit("opened", socket2);
            const payload = typeof connectionParams === "function" ? await connectionParams() : connectionParams;
            if (socket2.readyState !== WebSocketImpl.OPEN) return;
            socket2.send(
              stringifyMessage(
                payload ? {
                  type: MessageType.ConnectionInit,
                  payload
                } : {
                  type: MessageType.ConnectionInit
                  // payload is completely absent if not provided
                },
                replacer
              )
            );
            if (isFinite(connectionAckWaitTimeout) && connectionAckWaitTimeout > 0) {
              connectionAckTimeout = setTimeout(() => {
                socket2.close(
                  CloseCode.ConnectionAcknowledgementTimeout,
                  "Connection acknowledgement timeout"
                );
              }, connectionAckWaitTimeout);
            }
            enqueuePing();
          } catch (err) {
            emitter.emit("error", err);
            socket2.close(
              CloseCode.InternalClientError,
              limitCloseReason(
                err instanceof Error ? err.message : String(err),
                "Internal client error"
              )
            );
          }
        };
        let acknowledged = false;
        socket2.onmessage = ({ data }) => {
          try {
            const message = parseMessage(data, reviver);
            emitter.emit("message", message);
            if (message.type === "ping" || message.type === "pong") {
              emitter.emit(message.type, true, message.payload);
              if (message.type === "pong") {
                enqueuePing();
              } else if (!disablePong) {
                socket2.send(
                  stringifyMessage(
                    message.payload ? {
                      type: MessageType.Pong,
                      payload: message.payload
                    } : {
                      type: MessageType.Pong
                      // payload is completely absent if not provided
                    },
                    replacer
                  )
                );
                emitter.emit("pong", false, message.payload);
              }
              return;
            }
            if (acknowledged) return;
            if (message.type !== MessageType.ConnectionAck)
              throw new Error(
                `First message cannot be of type ${message.type}`
              );
            clearTimeout(connectionAckTimeout);
            acknowledged = true;
            emitter.emit("connected", socket2, message.payload, retrying);
            retrying = false;
            retries = 0;
            const throwOnClose2 = new Promise(
              (_, reject) => errorOrClosed(reject)
            );
            throwOnClose2.catch(() => {
            });
            connected([socket2, throwOnClose2]);
          } catch (err) {
            socket2.onmessage = null;
            emitter.emit("error", err);
            socket2.close(
              CloseCode.BadResponse,
              limitCloseReason(
                err instanceof Error ? err.message : String(err),
                "Bad response"
              )
            );
          }
        };
      })()
    )));
    if (socket.readyState === WebSocketImpl.CLOSING) await throwOnClose;
    let release = () => {
    };
    const released = new Promise((resolve) => release = resolve);
    return [
      socket,
      release,
      // resolves on release or rejects on error/close, whichever comes first.
      // not racing with throwOnClose on purpose, it lives as long as the socket
      // and every race would leak memory per operation
      new Promise((resolve, reject) => {
        const unlisten = errorOrClosed(reject);
        if (socket.readyState !== WebSocketImpl.OPEN)
          throwOnClose.catch(reject);
        released.then(() => {
          unlisten();
          if (!locks) {
            const complete = () => socket.close(1e3, "Normal Closure");
            if (isFinite(lazyCloseTimeoutMs) && lazyCloseTimeoutMs > 0) {
              clearTimeout(lazyCloseTimeout);
              lazyCloseTimeout = setTimeout(() => {
                if (!locks && socket.readyState === WebSocketImpl.OPEN)
                  complete();
              }, lazyCloseTimeoutMs);
            } else {
              complete();
            }
          }
          resolve();
        });
      })
    ];
  }
  function shouldRetryConnectOrThrow(errOrCloseEvent) {
    if (isLikeCloseEvent(errOrCloseEvent) && (isFatalInternalCloseCode(errOrCloseEvent.code) || [
      CloseCode.InternalServerError,
      CloseCode.InternalClientError,
      CloseCode.BadRequest,
      CloseCode.BadResponse,
      CloseCode.Unauthorized,
      // CloseCode.Forbidden, might grant access out after retry
      CloseCode.SubprotocolNotAcceptable,
      // CloseCode.ConnectionInitialisationTimeout, might not time out after retry
      // CloseCode.ConnectionAcknowledgementTimeout, might not time out after retry
      CloseCode.SubscriberAlreadyExists,
      CloseCode.TooManyInitialisationRequests
      // 4499, // Terminated, probably because the socket froze, we want to retry
    ].includes(errOrCloseEvent.code)))
      throw errOrCloseEvent;
    if (disposed) return false;
    if (isLikeCloseEvent(errOrCloseEvent) && errOrCloseEvent.code === 1e3)
      return locks > 0;
    if (!retryAttempts || retries >= retryAttempts) throw errOrCloseEvent;
    if (!shouldRetry(errOrCloseEvent)) throw errOrCloseEvent;
    return retrying = true;
  }
  if (!lazy) {
    (async () => {
      locks++;
      for (; ; ) {
        try {
          const [, , throwOnClose] = await connect();
          await throwOnClose;
        } catch (errOrCloseEvent) {
          try {
            if (!shouldRetryConnectOrThrow(errOrCloseEvent)) return;
          } catch (errOrCloseEvent2) {
            return onNonLazyError?.(errOrCloseEvent2);
          }
        }
      }
    })();
  }
  function subscribe(payload, sink) {
    const id = generateID(payload);
    let done = false, errored = false, releaser = () => {
      locks--;
      done = true;
    };
    (async () => {
      locks++;
      for (; ; ) {
        try {
          const [socket, release, waitForReleaseOrThrowOnClose] = await connect();
          if (done) {
            waitForReleaseOrThrowOnClose.catch(() => {
            });
            return release();
          }
          const unlisten = emitter.onMessage(id, (message) => {
            switch (message.type) {
              case MessageType.Next: {
                sink.next(message.payload);
                return;
              }
              case MessageType.Error: {
                errored = true, done = true;
                sink.error(message.payload);
                releaser();
                return;
              }
              case MessageType.Complete: {
                done = true;
                releaser();
                return;
              }
            }
          });
          socket.send(
            stringifyMessage(
              {
                id,
                type: MessageType.Subscribe,
                payload
              },
              replacer
            )
          );
          releaser = () => {
            if (!done && socket.readyState === WebSocketImpl.OPEN)
              socket.send(
                stringifyMessage(
                  {
                    id,
                    type: MessageType.Complete
                  },
                  replacer
                )
              );
            locks--;
            done = true;
            release();
          };
          await waitForReleaseOrThrowOnClose.finally(unlisten);
          return;
        } catch (errOrCloseEvent) {
          if (!shouldRetryConnectOrThrow(errOrCloseEvent)) return;
        }
      }
    })().then(() => {
      if (!errored) sink.complete();
    }).catch((err) => {
      sink.error(err);
    });
    return () => {
      if (!done) releaser();
    };
  }
  return {
    on: emitter.on,
    subscribe,
    iterate(request) {
      const pending = [];
      const deferred = {
        done: false,
        error: null,
        resolve: () => {
        }
      };
      const dispose = subscribe(request, {
        next(val) {
          pending.push(val);
          deferred.resolve();
        },
        error(err) {
          deferred.done = true;
          deferred.error = err;
          deferred.resolve();
        },
        complete() {
          deferred.done = true;
          deferred.resolve();
        }
      });
      const iterator = (async function* iterator2() {
        for (; ; ) {
          if (!pending.length) {
            await new Promise((resolve) => deferred.resolve = resolve);
          }
          while (pending.length) {
            yield pending.shift();
          }
          if (deferred.error) {
            throw deferred.error;
          }
          if (deferred.done) {
            return;
          }
        }
      })();
      iterator.throw = async (err) => {
        if (!deferred.done) {
          deferred.done = true;
          deferred.error = err;
          deferred.resolve();
        }
        return { done: true, value: void 0 };
      };
      iterator.return = async () => {
        dispose();
        return { done: true, value: void 0 };
      };
      return iterator;
    },
    async dispose() {
      disposed = true;
      if (connecting) {
        const [socket] = await connecting;
        socket.close(1e3, "Normal Closure");
      }
    },
    terminate() {
      if (connecting) {
        emitter.emit("closed", new TerminatedCloseEvent());
      }
    }
  };
}
var TerminatedCloseEvent = class extends Error {
  name = "TerminatedCloseEvent";
  message = "4499: Terminated";
  code = 4499;
  reason = "Terminated";
  wasClean = false;
};
function isLikeCloseEvent(val) {
  return isObject(val) && "code" in val && "reason" in val;
}
function isFatalInternalCloseCode(code) {
  if ([
    1e3,
    // Normal Closure is not an erroneous close code
    1001,
    // Going Away
    1006,
    // Abnormal Closure
    1005,
    // No Status Received
    1012,
    // Service Restart
    1013,
    // Try Again Later
    1014
    // Bad Gateway
  ].includes(code))
    return false;
  return code >= 1e3 && code <= 1999;
}
function isWebSocket(val) {
  return typeof val === "function" && "constructor" in val && "CLOSED" in val && "CLOSING" in val && "CONNECTING" in val && "OPEN" in val;
}

// ../typescript/src/gql/persisted-documents.json
var persisted_documents_default = {
  b242c6a4f247dc71bacf06b871d2e03db2ae8814a768fa8dfafdcd21ab66b8b5: "fragment UserErrorFields on UserError { code field message } fragment UserFields on User { createdAt displayName email id role timeZone } mutation Register($input: RegisterInput!) { registration: register(input: $input) { user { ...UserFields } userErrors { ...UserErrorFields } } }",
  "303496567da77f6d7dff9ca8ef978a3e0e68f5c403b16b4c8644653d2a3856f6": "fragment UserErrorFields on UserError { code field message } fragment UserFields on User { createdAt displayName email id role timeZone } mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresAt user { ...UserFields } userErrors { ...UserErrorFields } } }",
  "0cfa1126ebd13d4f301d8a89fb1e7d56da101cd6c2482ba9387739e251566a4a": "fragment UserFields on User { createdAt displayName email id role timeZone } query Me { me { ...UserFields } }",
  "5c9106f243bb680d43714d123e6cfe6b49cbed6bf70ee5989b40c4ad734800df": "fragment UserErrorFields on UserError { code field message } mutation Logout($input: LogoutInput!) { logout(input: $input) { revoked userErrors { ...UserErrorFields } } }",
  "228ea35b3e8c435dae6b4b6e86799b7b1460fd3dbcd913e7b2ec59e06c0a3d93": "fragment AlertFields on Alert { acknowledgedAt clearedAt clearedByCondition device { id kind name } id kind message raisedAt status } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Alerts($after: String, $deviceId: ID, $first: Int, $kind: AlertKind, $status: AlertStatus) { alerts( deviceId: $deviceId kind: $kind status: $status first: $first after: $after ) { edges { node { ...AlertFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "02a921ddfb6b77f24b84f848a74cae842122d8e9e222d9471a2909b24275b0a5": "fragment AlertFields on Alert { acknowledgedAt clearedAt clearedByCondition device { id kind name } id kind message raisedAt status } fragment UserErrorFields on UserError { code field message } mutation AcknowledgeAlert($input: AlertIdInput!) { acknowledgeAlert(input: $input) { alert { ...AlertFields } userErrors { ...UserErrorFields } } }",
  c327977a12c2083e97b1ac83d9f165a4385720d5dfedc88972eba2e45d79feb3: "fragment AlertFields on Alert { acknowledgedAt clearedAt clearedByCondition device { id kind name } id kind message raisedAt status } fragment UserErrorFields on UserError { code field message } mutation ClearAlert($input: AlertIdInput!) { clearAlert(input: $input) { alert { ...AlertFields } userErrors { ...UserErrorFields } } }",
  d95cb9dab1b0fa1b5a36251290c59f211c485102b31bc43d7a5d7f3bf18a2048: "fragment AlertFields on Alert { acknowledgedAt clearedAt clearedByCondition device { id kind name } id kind message raisedAt status } subscription AlertRaised { alertRaised { ...AlertFields } }",
  "4be607aa8e8f82ced345ae45a6182931dd1e8610e38a205c2fdbce68011ba094": "fragment BatteryScheduleFields on BatterySchedule { acknowledgedAt createdAt date finishedAt id lastSentAt messageId reason sendCount slots { detail mode rateKw reportedAt slot start status } status timeZone } query BatterySchedule($date: Date!, $deviceId: ID!) { batterySchedule(deviceId: $deviceId, date: $date) { ...BatteryScheduleFields } }",
  "72fa0e5ee66b02755bd50f4fefec78e66a2cc71941c7eb63bec1025b23d9df23": "fragment BatteryScheduleFields on BatterySchedule { acknowledgedAt createdAt date finishedAt id lastSentAt messageId reason sendCount slots { detail mode rateKw reportedAt slot start status } status timeZone } query BatteryScheduleTimeline($messageId: String!) { batteryScheduleTimeline(messageId: $messageId) { events { at detail messageId slot status } schedule { ...BatteryScheduleFields } } }",
  "8b08944d5fae9737f2c646b58138d709eda4a26cb45f5f0637d1b2c2c78a59c2": "subscription BatteryScheduleUpdated($deviceId: ID!) { batteryScheduleUpdated(deviceId: $deviceId) { at date detail messageId slot slotStatus status } }",
  "097ee50ef0dabb3a43eb94eac635f7bfb4b372e82685d94044c8b1bd37227ec7": "fragment BatteryScheduleFields on BatterySchedule { acknowledgedAt createdAt date finishedAt id lastSentAt messageId reason sendCount slots { detail mode rateKw reportedAt slot start status } status timeZone } mutation FetchBatterySchedule($input: FetchBatteryScheduleInput!) { fetchBatterySchedule(input: $input) { archived { bodySha256 id outcome statusCode } outcome reasons { reason slot } schedule { ...BatteryScheduleFields } userErrors { code field message } } }",
  "24d206faf0f068a3c28dc30cbd42009d9aa6a8fcfcd7bccdab22d181a7ed4ca1": "query ScheduleArchive($after: String, $deviceId: ID, $first: Int) { scheduleArchive(deviceId: $deviceId, first: $first, after: $after) { edges { node { body bodySha256 bodySize date error headers { name value } id outcome reasons { reason slot } receivedAt statusCode storage url } } pageInfo { endCursor hasNextPage } totalCount } }",
  b2c57f3844c2578fd033c440cd7cac7eb27e29150bae18f1ccdeb5e1f06fd069: "query HealthScore($petId: ID!) { healthScore(petId: $petId) { explanation score } }",
  "1f7ca53260b597741bd5a560516a8152338680d7cae6cba7818e3b25974fdd85": "subscription BehaviourEvent($petId: ID!) { behaviourEvent(petId: $petId) { activity change confidence message metric petId since } }",
  "64c2a92237ed9711ccac72af9b895c9d4811c5d80c7c626dff5fc2c8d40ee48b": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation Treat($input: TreatInput!) { treat(input: $input) { command { ...CommandFields } treat { issuedAt } userErrors { ...UserErrorFields } } }",
  "8dabb583e236078c73dd5c2556c5e91a46869766cbcd2f79db6fbe74549dd970": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Treats($after: String, $deviceId: ID, $first: Int, $petId: ID) { treats(deviceId: $deviceId, petId: $petId, first: $first, after: $after) { edges { node { command { id status } device { id name } issuedAt issuedBy { displayName id } pet { id name } } } pageInfo { ...PageInfoFields } totalCount } }",
  "3a5838118bce86ab411a689517ab43f7ccdfbb3c26f9d2b760bc680a9bd3c51a": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Commands($after: String, $deviceId: ID, $first: Int, $groupId: String, $status: CommandStatus) { commands( deviceId: $deviceId status: $status groupId: $groupId first: $first after: $after ) { edges { node { ...CommandFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "5f3a66ddef8d956b21fb977d76197649c8ed8e2f2fc438282e0c930f4934c14f": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } subscription CommandUpdated($deviceId: ID!) { commandUpdated(deviceId: $deviceId) { ...CommandFields } }",
  "216586cf874690d6bee878eb03b8aef30ad4791cefe94039788d375976a31472": "query Dashboard($devicesPerPet: Int, $pets: Int) { me { displayName id pets(first: $pets) { edges { node { devices(first: $devicesPerPet) { edges { node { id kind lastSeenAt latestReadings { at key value } name online openAlerts { id kind message raisedAt status } } } totalCount } id name species } } totalCount } unreadNotificationCount } }",
  "8366e6abd4274ccffc511532887e5433c10b04943651652d5d96616c51ce06f0": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query RecentTelemetry($before: String, $deviceId: ID!, $keys: [String!], $last: Int) { telemetry(deviceId: $deviceId, keys: $keys, last: $last, before: $before) { edges { cursor node { at key value } } pageInfo { ...PageInfoFields } } }",
  "4cc00bc4daeac5a3a8a131a464ccb376bc95a665c861e278f92a2a3c2913f8f4": "fragment DeviceFields on Device { createdAt firmwareVersion hardwareId id kind lastSeenAt location name online parentHub { hardwareId id } pet { id name } } fragment DeviceStatusFields on DeviceStatus { __typename deviceId deviceTime lastSeenAt online ... on BatteryStatus { errorMessage } ... on CollarStatus { batteryPercent heartRate lastPosition { latitude longitude } } ... on FeederStatus { dailyFeeds errorMessage hopperMm hopperPercent lastFeedAt tofOk uptimeSeconds wifiRssi } ... on HubStatus { breakerCurrentMilliamps } ... on OutletStatus { currentAMilliamps currentBMilliamps overload relayA relayB thresholdMilliamps } } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Devices($after: String, $first: Int, $kind: DeviceKind, $online: Boolean, $ownerId: ID) { devices( kind: $kind online: $online ownerId: $ownerId first: $first after: $after ) { edges { cursor node { status { ...DeviceStatusFields } ...DeviceFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "5ccf743293e0444e14ca382a9faa5ccee728a64ec45f24c2bd15928c97503553": "fragment DeviceFields on Device { createdAt firmwareVersion hardwareId id kind lastSeenAt location name online parentHub { hardwareId id } pet { id name } } fragment DeviceStatusFields on DeviceStatus { __typename deviceId deviceTime lastSeenAt online ... on BatteryStatus { errorMessage } ... on CollarStatus { batteryPercent heartRate lastPosition { latitude longitude } } ... on FeederStatus { dailyFeeds errorMessage hopperMm hopperPercent lastFeedAt tofOk uptimeSeconds wifiRssi } ... on HubStatus { breakerCurrentMilliamps } ... on OutletStatus { currentAMilliamps currentBMilliamps overload relayA relayB thresholdMilliamps } } query DeviceById($id: ID!) { node(id: $id) { __typename ... on Device { latestReadings { at key value } outlets(first: 100) { edges { node { hardwareId id name online } } totalCount } status { ...DeviceStatusFields } ...DeviceFields } } }",
  b2f5e9fadb272c91ca6a629c48ad45e9367325630777ed6705c30923490e07ef: "fragment DeviceFields on Device { createdAt firmwareVersion hardwareId id kind lastSeenAt location name online parentHub { hardwareId id } pet { id name } } fragment UserErrorFields on UserError { code field message } mutation RegisterDevice($input: RegisterDeviceInput!) { registerDevice(input: $input) { apiKey device { ...DeviceFields } userErrors { ...UserErrorFields } } }",
  "38fa4a99bc9a85fe13e4107e9531580bfc11ab552ce67a7dab5b02ede23a9079": "fragment UserErrorFields on UserError { code field message } mutation RotateDeviceKey($input: DeviceIdInput!) { rotateDeviceKey(input: $input) { apiKey device { id } userErrors { ...UserErrorFields } } }",
  a01cfa1d2b8c90109733763c4422b49cb5833de32addf082ed5d51728c57f563: "fragment DeviceFields on Device { createdAt firmwareVersion hardwareId id kind lastSeenAt location name online parentHub { hardwareId id } pet { id name } } fragment UserErrorFields on UserError { code field message } mutation UpdateDevice($input: UpdateDeviceInput!) { updateDevice(input: $input) { device { ...DeviceFields } userErrors { ...UserErrorFields } } }",
  b55c3436cae3e23d4f84c0823cc8cfafde3d4c171d637c6bb1621fc0a397a47b: "fragment UserErrorFields on UserError { code field message } mutation DeleteDevice($input: DeviceIdInput!) { deleteDevice(input: $input) { deletedDeviceId userErrors { ...UserErrorFields } } }",
  "6c69eecd19ffa7f8466553e4d1d164de5805be8eb0ff20bfb58c23398f329d9f": "fragment DeviceStatusFields on DeviceStatus { __typename deviceId deviceTime lastSeenAt online ... on BatteryStatus { errorMessage } ... on CollarStatus { batteryPercent heartRate lastPosition { latitude longitude } } ... on FeederStatus { dailyFeeds errorMessage hopperMm hopperPercent lastFeedAt tofOk uptimeSeconds wifiRssi } ... on HubStatus { breakerCurrentMilliamps } ... on OutletStatus { currentAMilliamps currentBMilliamps overload relayA relayB thresholdMilliamps } } subscription DeviceStatus($deviceId: ID!) { deviceStatus(deviceId: $deviceId) { ...DeviceStatusFields } }",
  ae0c2b87a3410473194b55e4c5b7d47d1411c56402da870636b65a021ce165a5: "fragment FeedingScheduleFields on FeedingSchedule { createdAt daysOfWeek enabled grams id label lastTriggeredAt time updatedAt } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query FeedingSchedules($after: String, $deviceId: ID!, $first: Int) { feedingSchedules(deviceId: $deviceId, first: $first, after: $after) { edges { node { ...FeedingScheduleFields } } pageInfo { ...PageInfoFields } totalCount } }",
  a02f8156203666774befa47c17a54874631351aa95d9d12d55f06182d851b009: "fragment FeedingScheduleFields on FeedingSchedule { createdAt daysOfWeek enabled grams id label lastTriggeredAt time updatedAt } fragment UserErrorFields on UserError { code field message } mutation CreateFeedingSchedule($input: CreateFeedingScheduleInput!) { createFeedingSchedule(input: $input) { feedingSchedule { ...FeedingScheduleFields } userErrors { ...UserErrorFields } } }",
  a42ee34e1e061ccce2352ca7165fc66493c3475b7f0a018fefef3bf3d5e8a39d: "fragment FeedingScheduleFields on FeedingSchedule { createdAt daysOfWeek enabled grams id label lastTriggeredAt time updatedAt } fragment UserErrorFields on UserError { code field message } mutation UpdateFeedingSchedule($input: UpdateFeedingScheduleInput!) { updateFeedingSchedule(input: $input) { feedingSchedule { ...FeedingScheduleFields } userErrors { ...UserErrorFields } } }",
  f1c3076f00815885519e963177870904cd10f143cd77692b1af600b70bd3a9f9: "fragment UserErrorFields on UserError { code field message } mutation DeleteFeedingSchedule($input: DeleteFeedingScheduleInput!) { deleteFeedingSchedule(input: $input) { deletedFeedingScheduleId userErrors { ...UserErrorFields } } }",
  "2d9de16cc4f8e819ad83900b5933fade85390267800d3f89bdf609198f7a749f": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation FeedNow($input: FeedNowInput!) { feedNow(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  "06f4593ff73fffedddd14680a392d617fde8d9b876b48ff8961e6615a1fe51da": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation StopFeeding($input: StopFeedingInput!) { stopFeeding(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  f4847dfbef962e8f87f60584c9b07481feaf9c9f284cb72ffc67026df0c8c4d7: "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation Calibrate($input: CalibrateInput!) { calibrate(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  b4fcaec1c9f1cf3a1a9bcf64281732891a9a53c66e45d251730ff841d074d6b1: "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query FeedingHistory($after: String, $deviceId: ID, $first: Int, $from: DateTime, $petId: ID, $source: FeedingSource, $to: DateTime) { feedingHistory( deviceId: $deviceId petId: $petId source: $source from: $from to: $to first: $first after: $after ) { edges { node { deviceTime fedAt grams id notes receivedAt source } } pageInfo { ...PageInfoFields } totalCount } }",
  f49d62be6d0bbe4f0b21b7c523f3286bceb2b401e3adb21480d3585446736e35: "query FeedingDailyTotals($deviceId: ID!, $from: Date!, $to: Date!) { feedingDailyTotals(deviceId: $deviceId, from: $from, to: $to) { date feeds grams } }",
  "433074c3b0ec90bfee7df771a31ebc15b2017eedda8157ebf46346449c593d05": "query Categories($parentId: ID) { categories(parentId: $parentId) { children { id name slug } id name slug } }",
  ada5a4caf7d8dba489a62b6dae58da9fd7a0a88f35175a5e78f0d9052e94e8a1: "fragment ListingFields on Listing { category { id name slug } condition createdAt description id location photos { position url } price { ...MoneyFields } quantity seller { displayName id } soldAt status title updatedAt viewerIsSeller } fragment MoneyFields on Money { amount currency } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Listings($after: String, $filter: ListingFilterInput, $first: Int, $sort: ListingSort! = NEWEST) { listings(filter: $filter, sort: $sort, first: $first, after: $after) { edges { node { ...ListingFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "28e89f73bbe8875f86d3ae494f6c176815161d8b859d346d423f9dd22d986faf": "fragment ListingFields on Listing { category { id name slug } condition createdAt description id location photos { position url } price { ...MoneyFields } quantity seller { displayName id } soldAt status title updatedAt viewerIsSeller } fragment MoneyFields on Money { amount currency } query ListingById($id: ID!) { node(id: $id) { __typename ... on Listing { ...ListingFields } } }",
  "80d6fed0214b8d563b48404e36874c812d66ccb4d1a734adf9f52fe041f4a391": "fragment ListingFields on Listing { category { id name slug } condition createdAt description id location photos { position url } price { ...MoneyFields } quantity seller { displayName id } soldAt status title updatedAt viewerIsSeller } fragment MoneyFields on Money { amount currency } fragment UserErrorFields on UserError { code field message } mutation CreateListing($input: CreateListingInput!) { createListing(input: $input) { listing { ...ListingFields } userErrors { ...UserErrorFields } } }",
  "883fcb9cfe5fa997bb817bb1c10ec334f2a11a80c90063b4aa7fb9fe3d7b1515": "fragment ListingFields on Listing { category { id name slug } condition createdAt description id location photos { position url } price { ...MoneyFields } quantity seller { displayName id } soldAt status title updatedAt viewerIsSeller } fragment MoneyFields on Money { amount currency } fragment UserErrorFields on UserError { code field message } mutation UpdateListing($input: UpdateListingInput!) { updateListing(input: $input) { listing { ...ListingFields } userErrors { ...UserErrorFields } } }",
  "4faae7148b693e83e86b55f7da03558348bb75f98b261f1ba81fa508afa07cef": "fragment UserErrorFields on UserError { code field message } mutation RemoveListing($input: ListingIdInput!) { removeListing(input: $input) { listing { id status } userErrors { ...UserErrorFields } } }",
  "6694dd5a53c25d7bb72852ef71463e3fc3c7f4a6bc2ec0f40fc2fc8577a422dc": "fragment UserErrorFields on UserError { code field message } mutation MarkListingSold($input: MarkListingSoldInput!) { markListingSold(input: $input) { listing { id soldAt status } transaction { completedAt id } userErrors { ...UserErrorFields } } }",
  "3314c9ea3e464bb4b13754b6f0bf9ba9a088392c336faaf50dd99e2a4cbb74d1": "fragment MoneyFields on Money { amount currency } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } query PurchaseRequests($after: String, $first: Int, $listingId: ID, $role: PurchaseParty, $states: [PurchaseRequestState!]) { purchaseRequests( role: $role states: $states listingId: $listingId first: $first after: $after ) { edges { node { ...PurchaseRequestFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "8f27f3a3b58db5f2752015126fd168d46d3022cfa49386a13365a4e528ff0a62": "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation RequestPurchase($input: RequestPurchaseInput!) { requestPurchase(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  "386e0ceb4fb664297487c4476e4b06905c181ae7f728dad3b66eecebfd0c10ed": "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation CounterPurchaseOffer($input: CounterPurchaseOfferInput!) { counterPurchaseOffer(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  "6bc9f0724d1404251b17a21fac305764231b76dab8285b0d3fe9f5b13476acac": "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation AcceptPurchaseRequest($input: PurchaseRequestIdInput!) { acceptPurchaseRequest(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  a25ba1990b2b5487b413404c1d23625d243d916ba2ecfcf7e810869133ee73a1: "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation RejectPurchaseRequest($input: PurchaseRequestIdInput!) { rejectPurchaseRequest(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  aa66b29cca24cc82cca863d601c1463a9a445944cab1b259888bc392458ed090: "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation CancelPurchaseRequest($input: PurchaseRequestIdInput!) { cancelPurchaseRequest(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  c8903bf5e3238cc44edf0db8ad0611a2a18ed7ad78ad4a91ed7d3db0d6f8bed5: "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation SchedulePurchaseMeetup($input: SchedulePurchaseMeetupInput!) { schedulePurchaseMeetup(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  f41b2b5899312a0d4b68b443aca4dbc052b78dc689a11d85b7b259c55bf4a11c: "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation MarkPurchasePaid($input: PurchaseRequestIdInput!) { markPurchasePaid(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  "1c6ea08362d356132c027e29b193347451a1157d4a207b0f0d32129ca0b864f1": "fragment MoneyFields on Money { amount currency } fragment PurchaseRequestFields on PurchaseRequest { acceptedAt availableMoves buyer { displayName id } closedAt createdAt id listing { id title } meetupAt meetupPlace offer { ...MoneyFields } offeredBy seller { displayName id } state updatedAt viewerRole } fragment UserErrorFields on UserError { code field message } mutation CompletePurchase($input: PurchaseRequestIdInput!) { completePurchase(input: $input) { purchaseRequest { ...PurchaseRequestFields } userErrors { ...UserErrorFields } } }",
  da080bf8d020c361a78d8b8a80817b9afa93911dc47faed80bf55ef1e5b174e2: "fragment MoneyFields on Money { amount currency } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query MyTransactions($after: String, $first: Int, $role: TransactionRole) { myTransactions(role: $role, first: $first, after: $after) { edges { node { completedAt id listing { id title } price { ...MoneyFields } startedAt viewerRole } } pageInfo { ...PageInfoFields } totalCount } }",
  af0fb1660502e7058872a224e0bd9a29a2d9e96f7eaaa92677763570894f3e2b: "fragment MessageFields on Message { body createdAt id isMine sender { displayName id } threadId } fragment MessageThreadFields on MessageThread { buyer { displayName id } createdAt id lastMessage { ...MessageFields } lastMessageAt listing { id title } seller { displayName id } unreadCount } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query MessageThreads($after: String, $first: Int) { messageThreads(first: $first, after: $after) { edges { node { ...MessageThreadFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "5be0580f190783830a301ded55c2400ffc94909d57de2e2e2b76db15b7d86c4f": "fragment MessageFields on Message { body createdAt id isMine sender { displayName id } threadId } fragment MessageThreadFields on MessageThread { buyer { displayName id } createdAt id lastMessage { ...MessageFields } lastMessageAt listing { id title } seller { displayName id } unreadCount } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query ThreadMessages($before: String, $last: Int, $threadId: ID!) { node(id: $threadId) { __typename ... on MessageThread { messages(last: $last, before: $before) { edges { node { ...MessageFields } } pageInfo { ...PageInfoFields } } ...MessageThreadFields } } }",
  d6fe1e3c58d6521c381a86f2be9ef66ceb2f81909dbc25bb8511bfbd50a52c6b: "query UnreadMessageCount { unreadMessageCount }",
  "4ed5f2ff6b58c3a3ffc4127f195ca7c7444964be6350fee72464268811a0bf46": "fragment MessageFields on Message { body createdAt id isMine sender { displayName id } threadId } fragment UserErrorFields on UserError { code field message } mutation SendMessage($input: SendMessageInput!) { sendMessage(input: $input) { message { ...MessageFields } thread { id lastMessageAt } userErrors { ...UserErrorFields } } }",
  "743254d2e8d0ec30ae24cfe69e2117c0103ad5d274598b8df6fc7e2e0756774f": "fragment UserErrorFields on UserError { code field message } mutation MarkThreadRead($input: MarkThreadReadInput!) { markThreadRead(input: $input) { thread { id unreadCount } userErrors { ...UserErrorFields } } }",
  d3c56d2e894fa0485d72afe3b03121a6e4775dc22e8e8b47487f97fe1e983ee4: "fragment MessageFields on Message { body createdAt id isMine sender { displayName id } threadId } subscription MessageReceived($threadId: ID!) { messageReceived(threadId: $threadId) { ...MessageFields } }",
  "380ea1206ceb4ab8e556879be055a3451ed2101270e29e629f57bbd9bef4ee6f": "query VideoStream($deviceId: ID!) { videoStream(deviceId: $deviceId) { deviceId expiresAt streamName url } }",
  f5d30562d8ff4c6cce474955b8d256f3cec6a4532bbd630a70a493b076ce6eaf: "fragment ReportFields on Report { createdAt details id openReportsOfTarget reason reporter { displayName id } resolutionNote resolvedAt resolvedBy { displayName id } status targetId targetType } fragment UserErrorFields on UserError { code field message } mutation ReportContent($input: ReportContentInput!) { reportContent(input: $input) { report { ...ReportFields } userErrors { ...UserErrorFields } } }",
  dca383e9ff934ae6ed8b431c583351683803fe5c93ef9426a957e9ef75ab468e: "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment ReportFields on Report { createdAt details id openReportsOfTarget reason reporter { displayName id } resolutionNote resolvedAt resolvedBy { displayName id } status targetId targetType } query ModerationQueue($after: String, $first: Int, $statuses: [ReportStatus!], $targetType: ReportTargetType) { moderationQueue( statuses: $statuses targetType: $targetType first: $first after: $after ) { edges { node { ...ReportFields } } pageInfo { ...PageInfoFields } totalCount } }",
  ecbbef58b2ab73b2a9dee518d65321237fef2b63eeac4dc6126467c5f5262b3b: "fragment ReportFields on Report { createdAt details id openReportsOfTarget reason reporter { displayName id } resolutionNote resolvedAt resolvedBy { displayName id } status targetId targetType } fragment UserErrorFields on UserError { code field message } mutation ResolveReport($input: ResolveReportInput!) { resolveReport(input: $input) { report { ...ReportFields } userErrors { ...UserErrorFields } } }",
  "6884caddedd72bc6378235bc73de2e8203c6ba8cb1b74343e570384ee8733a2c": "fragment UserErrorFields on UserError { code field message } mutation SuspendUser($input: UserSuspensionInput!) { suspendUser(input: $input) { suspendedAt userErrors { ...UserErrorFields } userId } }",
  "6e4d5ee6da56966f36a61bbdb4949e3fbfebf7ef470d9c128bba2f4adf30db93": "fragment UserErrorFields on UserError { code field message } mutation UnsuspendUser($input: UserSuspensionInput!) { unsuspendUser(input: $input) { suspendedAt userErrors { ...UserErrorFields } userId } }",
  cddeba3ccacc1de7658087b368963dcf11d26cba8ff7b4c83dd7a594a95a91a5: "fragment UserErrorFields on UserError { code field message } mutation RemovePost($input: RemovePostInput!) { removePost(input: $input) { post { id removedAt } userErrors { ...UserErrorFields } } }",
  "0c4b6a59dab9752a839ccbeb56f84677352c6ae7f430bb411f7ce1f9134fcae6": "fragment UserErrorFields on UserError { code field message } mutation RemoveComment($input: RemoveCommentInput!) { removeComment(input: $input) { comment { id removedAt } userErrors { ...UserErrorFields } } }",
  f36165c7362d6426f0178d81b2021c0f00572521574789a9abdac678c144177c: "fragment UserErrorFields on UserError { code field message } mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { category { id name slug } userErrors { ...UserErrorFields } } }",
  d83634882d912dae35d66ea272fb031cb7f2f58fb1aedcd76ca18c754a09b5fb: "fragment UserErrorFields on UserError { code field message } mutation RenameCategory($input: RenameCategoryInput!) { renameCategory(input: $input) { category { id name slug } userErrors { ...UserErrorFields } } }",
  "6dc1339e212d31c6d6716fa7892116c2356cb1de0d6a24ddb3cc92075e2330e9": "fragment UserErrorFields on UserError { code field message } mutation DeleteCategory($input: DeleteCategoryInput!) { deleteCategory(input: $input) { deletedCategoryId userErrors { ...UserErrorFields } } }",
  "1d7b362b283c4d5a2e979af1d7eda206571cf0e77ef13de9e4710edb2c12cacb": "fragment MoneyFields on Money { amount currency } query MarketplaceAnalytics($from: DateTime!, $period: AnalyticsPeriod!, $to: DateTime!) { marketplaceAnalytics(from: $from, to: $to, period: $period) { from listingsByStatus { count status } openReports period reportsByStatus { count status } requestsByState { count state } sales { count start volume { ...MoneyFields } } salesCount to } }",
  "9560d21bef7ec330120c12d44e9b76737cca3a3dbcee63873a71180a24589f4d": "fragment NotificationFields on Notification { actor { displayName id } createdAt id kind read readAt targetId text } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Notifications($after: String, $first: Int, $order: NotificationOrder! = NEWEST_FIRST, $unreadOnly: Boolean! = false) { notifications( order: $order unreadOnly: $unreadOnly first: $first after: $after ) { edges { node { ...NotificationFields } } pageInfo { ...PageInfoFields } totalCount } }",
  dcaff2ad9c68794a7528d4ec7ed97809a40f2fbb54acd15c6586b339adef7bac: "query UnreadNotificationCount { unreadNotificationCount }",
  "77c499095f85f2105e5e9145106f99015c97a3684254190814af99eda9ef7c72": "query MutedNotificationKinds { mutedNotificationKinds }",
  dfaf18e54a4e14d02c27c116aff36e5f207b46ab40de0b6023f09aea9900f5e7: "fragment UserErrorFields on UserError { code field message } mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { notifications { id read readAt } unreadCount userErrors { ...UserErrorFields } } }",
  eae1217edafb571fd42253745956b5638dcd1601bbbe4f0659fe79c09b31c646: "fragment UserErrorFields on UserError { code field message } mutation SetNotificationKindMuted($input: SetNotificationKindMutedInput!) { setNotificationKindMuted(input: $input) { mutedKinds userErrors { ...UserErrorFields } } }",
  fca293c1fe03fb4ead1a67facf5762619ba4fd058b901c399deeae77333585b0: "fragment NotificationPreferenceFields on NotificationPreference { chosen delivery digestAllowed kind } query NotificationPreferences { me { id notificationPreferences { ...NotificationPreferenceFields } } }",
  "36e88f01b199f1d2d6d39b6fd6471ef34fbc6374cab3139d0343a0b11b29440b": "fragment NotificationPreferenceFields on NotificationPreference { chosen delivery digestAllowed kind } fragment UserErrorFields on UserError { code field message } mutation SetNotificationPreferences($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { preferences { ...NotificationPreferenceFields } userErrors { ...UserErrorFields } } }",
  "7a3d14ea8bb6cbe4484962c447ea2767b8143432af607e40928e85aefbffa87f": "query NotificationWebhook { me { id notificationWebhook { createdAt url } } }",
  ef2a7431878d7af46dd8aaaeff5611c0affe717437979fd1b6b888847a4e108a: "fragment UserErrorFields on UserError { code field message } mutation SetNotificationWebhook($input: SetNotificationWebhookInput!) { setNotificationWebhook(input: $input) { signingSecret userErrors { ...UserErrorFields } webhook { createdAt url } } }",
  "53ee9fb5c66bac47881225921bbb2f55ea1084a0c9b0381c65837d3bec731a68": "fragment NotificationFields on Notification { actor { displayName id } createdAt id kind read readAt targetId text } subscription NotificationReceived { notificationReceived { ...NotificationFields } }",
  "37b6305423791ce11de3ab48ec5e0d02cfe9ba0bbfc7b77a0c51d755b35ba203": "fragment OutletStateFields on OutletState { currentAMilliamps currentBMilliamps lastReadingAt online outlet { hardwareId id name } overload relayA relayB thresholdMilliamps watched } query HubState($hubId: ID!) { hubState(hubId: $hubId) { breakerCurrentMilliamps breakerReadingAt focusedOutlet { outlet { id } } hub { hardwareId id name } online outlets { ...OutletStateFields } } }",
  d786462b2eaac7e4aa0e44296dd65a344e539e87408f332dff559b9d49412f27: "fragment OutletStateFields on OutletState { currentAMilliamps currentBMilliamps lastReadingAt online outlet { hardwareId id name } overload relayA relayB thresholdMilliamps watched } query OutletState($outletId: ID!) { outletState(outletId: $outletId) { ...OutletStateFields } }",
  ac05ce8d8f3ef94091f694d6a5727373d2428e9f54225dd1083c038439c56582: "query HubSetup($hubId: ID!) { hubSetup(hubId: $hubId) { baseUrl baseUrlPrefix hub { id } } }",
  "855e13bf51807bc3351f575709faa9f2b94a06881db8611c78c7051589356f01": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation SetRelay($input: SetRelayInput!) { setRelay(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  f224c771398767e7c665d7005ead5289ce3fea7d4466e403b3f16aa4ca6cefef: "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation SetThreshold($input: SetThresholdInput!) { setThreshold(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  "690b687a71c9188795e72dbdf6b4411aa19840d18e96ba7183abb19287ab45c9": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation CutAllPower($input: CutAllPowerInput!) { cutAllPower(input: $input) { commands { ...CommandFields } groupId userErrors { ...UserErrorFields } } }",
  a77538c8417a71c2a7ade4c336b8a7d711cc9100fb609aaa74208130b8341e00: "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation ReadSensors($input: ReadSensorsInput!) { readSensors(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  "07e60f28f20f8e3cb4702bd252b24e896a3513782371000e2d6ff3fc0750fbd3": "fragment CommandFields on Command { args confirmation createdAt expiresAt finishedAt groupId id issuedBy { displayName id } kind reason sentAt status transitions { at reason status } } fragment UserErrorFields on UserError { code field message } mutation Ping($input: PingInput!) { ping(input: $input) { command { ...CommandFields } userErrors { ...UserErrorFields } } }",
  "4c2dba6b79272738ac282f0f1e4443487d81dc07139663d1a25262e3b34a36b5": "fragment OutletStateFields on OutletState { currentAMilliamps currentBMilliamps lastReadingAt online outlet { hardwareId id name } overload relayA relayB thresholdMilliamps watched } fragment UserErrorFields on UserError { code field message } mutation FocusOutlet($input: FocusOutletInput!) { focusOutlet(input: $input) { outletState { ...OutletStateFields } userErrors { ...UserErrorFields } } }",
  "978dd1a962392865440c76ec38d2891b0d426a0f5856530d7c2ec04f399e705a": "fragment UserErrorFields on UserError { code field message } mutation IssueHubBaseUrl($input: IssueHubBaseUrlInput!) { issueHubBaseUrl(input: $input) { baseUrl hub { id } userErrors { ...UserErrorFields } } }",
  "06997b66188125eac8ac9b0e4105c1a68ac0cf36b37c9766a0cc5a04ebd47f7f": "subscription TelemetryUpdated($deviceId: ID!) { telemetryUpdated(deviceId: $deviceId) { deviceId deviceTime overload persisted receivedAt relayA relayB values { key value } } }",
  "244f0465d9a9221c776533112eb0cc3be6f7176c951b52c27fae937e7736aaa4": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment PetFields on Pet { activityLevel birthdate breed createdAt id name neutered species weightKg } query Pets($after: String, $first: Int) { pets(first: $first, after: $after) { edges { cursor node { devices(first: 20) { edges { node { id kind name } } totalCount } ...PetFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "763ab83b72b8e05a17aeac0c0c8f09de69391b870ac8a174d941f8998e72f8bc": "fragment DeviceFields on Device { createdAt firmwareVersion hardwareId id kind lastSeenAt location name online parentHub { hardwareId id } pet { id name } } fragment PetFields on Pet { activityLevel birthdate breed createdAt id name neutered species weightKg } query PetById($id: ID!) { node(id: $id) { __typename ... on Pet { devices(first: 20) { edges { node { ...DeviceFields } } totalCount } ...PetFields } } }",
  ba7a73b0c0973d44f3f110e4292614b14cff628cea2dd696b69f6349a0a19093: "fragment PetFields on Pet { activityLevel birthdate breed createdAt id name neutered species weightKg } fragment UserErrorFields on UserError { code field message } mutation CreatePet($input: CreatePetInput!) { createPet(input: $input) { pet { ...PetFields } userErrors { ...UserErrorFields } } }",
  "1164aa248dede0a238db927fa86d9eb56e5190f0c1ef3e1b2aac4203a1644774": "fragment PetFields on Pet { activityLevel birthdate breed createdAt id name neutered species weightKg } fragment UserErrorFields on UserError { code field message } mutation UpdatePet($input: UpdatePetInput!) { updatePet(input: $input) { pet { ...PetFields } userErrors { ...UserErrorFields } } }",
  "0bb98ab41fdb1872794cf150a89740fb62bf2624ed0a73ef58af4f9a50df16d8": "fragment UserErrorFields on UserError { code field message } mutation DeletePet($input: DeletePetInput!) { deletePet(input: $input) { deletedPetId userErrors { ...UserErrorFields } } }",
  b3bf5d25861d987d9dbdfdd46fca57e2ca667d3ecd63346893fd6e99bd08fb9f: "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment PostFields on Post { author { avatarUrl displayName id userId } commentCount createdAt id photos { position url } reactionCount reactionCounts { count kind } taggedPets { name petId species } text updatedAt viewerIsAuthor viewerReaction visibility } query Feed($after: String, $first: Int) { feed(first: $first, after: $after) { edges { node { ...PostFields } } pageInfo { ...PageInfoFields } } }",
  e2a319abd3ff1e0d849e4f6c8f62dffb8e733a71cf1aa0874fb3338dda86dff2: "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } query MyProfile { myProfile { ...ProfileFields } }",
  d3ce5b56f039e8ea52828039f7875e8435c95853f0986517dd1553fb1df7f365: "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } query Profile($userId: ID!) { profile(userId: $userId) { ...ProfileFields } }",
  d4d86998ff05457ee1625bb686db1db4e02fb5796c6574caf1878c0f427d6da5: "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment PostFields on Post { author { avatarUrl displayName id userId } commentCount createdAt id photos { position url } reactionCount reactionCounts { count kind } taggedPets { name petId species } text updatedAt viewerIsAuthor viewerReaction visibility } query UserPosts($after: String, $first: Int, $userId: ID!) { userPosts(userId: $userId, first: $first, after: $after) { edges { node { ...PostFields } } pageInfo { ...PageInfoFields } } }",
  e5b1256d6dc9a89c0cb4a62f075ec1a368d694014f0f7f451f9574e7b7019e06: "fragment PostFields on Post { author { avatarUrl displayName id userId } commentCount createdAt id photos { position url } reactionCount reactionCounts { count kind } taggedPets { name petId species } text updatedAt viewerIsAuthor viewerReaction visibility } query Post($id: ID!) { post(id: $id) { ...PostFields } }",
  "403204872fd4331ad377d1a8dee53b071962f222cbf86a9bdf15adbf2bf10bbc": "fragment CommentFields on Comment { author { displayName id userId } createdAt id text updatedAt viewerCanDelete viewerIsAuthor } fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } query Comments($after: String, $first: Int, $postId: ID!) { comments(postId: $postId, first: $first, after: $after) { edges { node { ...CommentFields } } pageInfo { ...PageInfoFields } totalCount } }",
  "93979e62033b07a5ff9a30411110370e0016ca2c528819695baa7a34177d658c": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment ProfileListFields on ProfileConnection { edges { node { ...ProfileFields } } pageInfo { ...PageInfoFields } totalCount } query Followers($after: String, $first: Int, $userId: ID!) { followers(userId: $userId, first: $first, after: $after) { ...ProfileListFields } }",
  "3be72aab07edba01f911a345fc367e4f5fcc7665305403463279ce546847cca8": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment ProfileListFields on ProfileConnection { edges { node { ...ProfileFields } } pageInfo { ...PageInfoFields } totalCount } query Following($after: String, $first: Int, $userId: ID!) { following(userId: $userId, first: $first, after: $after) { ...ProfileListFields } }",
  "68a8828f0293be978a7451beaf45b208a8ea5c63d457f21cead58654c54314be": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } query FollowRequests($after: String, $first: Int) { followRequests(first: $first, after: $after) { edges { node { requestedAt requester { ...ProfileFields } } } pageInfo { ...PageInfoFields } totalCount } }",
  "031099c21b27eb1b61a9fc46c0a092b01b322c4be88cf8eb149e6941bf243f11": "fragment PageInfoFields on PageInfo { endCursor hasNextPage hasPreviousPage startCursor } fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment ProfileListFields on ProfileConnection { edges { node { ...ProfileFields } } pageInfo { ...PageInfoFields } totalCount } query BlockedUsers($after: String, $first: Int) { blockedUsers(first: $first, after: $after) { ...ProfileListFields } }",
  "228e1624c9da742feb2ee51043cc5f219e8bb4866d6637d3666e837d386bbf82": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  f159e3b4ef779177ed0eb70469f007dc1f6160b06aed8b4110dd16905869d8a5: "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation FollowUser($input: FollowUserInput!) { followUser(input: $input) { profile { ...ProfileFields } status userErrors { ...UserErrorFields } } }",
  "3d0fbb75dd2bff998a5e47baebd8b51738614f1c083cae7be8941cfe9c76bea9": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation UnfollowUser($input: UnfollowUserInput!) { unfollowUser(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  a1d82c41b805c1deaa0854ca28d5ad1e050b0170308e05f8fd1a3c94b7f2767f: "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation RemoveFollower($input: RemoveFollowerInput!) { removeFollower(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  "39cd52167d3e034ded6cafe09551b530425ceeee6f7a01181ac43cc5e9f8ef4b": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation ApproveFollowRequest($input: ApproveFollowRequestInput!) { approveFollowRequest(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  "53e9613b08a77bbdf0fc55e6c016925d67f3af79c5497d089be0bed895dcd79d": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation DeclineFollowRequest($input: DeclineFollowRequestInput!) { declineFollowRequest(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  "5dbe972a461283501b925b2d67ea16cebf5341ec7b28fcf98484e9ee70608a97": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation BlockUser($input: BlockUserInput!) { blockUser(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  "32fa2c94f0128afd8305f0275665bb8596920dde64d8677e28605145caf879c4": "fragment ProfileFields on Profile { avatarUrl bio contentVisible displayName followerCount followingCount followsViewer id isPrivate isViewer joinedAt userId viewerFollowStatus viewerHasBlocked } fragment UserErrorFields on UserError { code field message } mutation UnblockUser($input: UnblockUserInput!) { unblockUser(input: $input) { profile { ...ProfileFields } userErrors { ...UserErrorFields } } }",
  "126f394cd9c456a9e463d138b4fddfe33c54c1711fdb4f06d2b989152e8f8499": "fragment PostFields on Post { author { avatarUrl displayName id userId } commentCount createdAt id photos { position url } reactionCount reactionCounts { count kind } taggedPets { name petId species } text updatedAt viewerIsAuthor viewerReaction visibility } fragment UserErrorFields on UserError { code field message } mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { post { ...PostFields } userErrors { ...UserErrorFields } } }",
  cddeda3e06a88d5141d3da50138619d3163903b217a2f0bdb8534546a4a6cc11: "fragment PostFields on Post { author { avatarUrl displayName id userId } commentCount createdAt id photos { position url } reactionCount reactionCounts { count kind } taggedPets { name petId species } text updatedAt viewerIsAuthor viewerReaction visibility } fragment UserErrorFields on UserError { code field message } mutation UpdatePost($input: UpdatePostInput!) { updatePost(input: $input) { post { ...PostFields } userErrors { ...UserErrorFields } } }",
  "7f39bbbcecc5f5842f95bf4cfda84cd000405b8fff61cca59f9de9792fa5cbc6": "fragment UserErrorFields on UserError { code field message } mutation DeletePost($input: DeletePostInput!) { deletePost(input: $input) { deletedPostId userErrors { ...UserErrorFields } } }",
  f83caa16e9b7d3d157787329ddc1c9582d07bbb6b7069866b3c525865f0ae42e: "fragment CommentFields on Comment { author { displayName id userId } createdAt id text updatedAt viewerCanDelete viewerIsAuthor } fragment UserErrorFields on UserError { code field message } mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ...CommentFields } userErrors { ...UserErrorFields } } }",
  f95bb9eb963b4184f29b03b7e93391c6b50b4c44fc5d8b3da7d5631b3ff35254: "fragment CommentFields on Comment { author { displayName id userId } createdAt id text updatedAt viewerCanDelete viewerIsAuthor } fragment UserErrorFields on UserError { code field message } mutation UpdateComment($input: UpdateCommentInput!) { updateComment(input: $input) { comment { ...CommentFields } userErrors { ...UserErrorFields } } }",
  abaecf0375dcc9f94dc3037d94d2299e72b71032d7fa91b5571053aa609f9e92: "fragment UserErrorFields on UserError { code field message } mutation DeleteComment($input: DeleteCommentInput!) { deleteComment(input: $input) { deletedCommentId userErrors { ...UserErrorFields } } }",
  "7c259f04c5fcb3e3fa6baf3f8d661b5c30d860a3943b9456921a69c5d2d2ff56": "fragment UserErrorFields on UserError { code field message } mutation ReactToPost($input: ReactToPostInput!) { reactToPost(input: $input) { post { id reactionCount viewerReaction } userErrors { ...UserErrorFields } } }",
  a4dc4e43b27f3f4bd6325df2a5aa93dfc555c5ad8c31c3a00e7ea571a67b3547: "fragment UserErrorFields on UserError { code field message } mutation RemoveReaction($input: RemoveReactionInput!) { removeReaction(input: $input) { post { id reactionCount viewerReaction } userErrors { ...UserErrorFields } } }"
};

// ../typescript/src/client.ts
var DOCUMENTS = persisted_documents_default;
var PawgraphError = class extends Error {
  constructor(message, errors) {
    super(message);
    this.errors = errors;
  }
  errors;
};
function documentOf(document2) {
  const hash = document2.__meta__?.hash;
  const text = hash === void 0 ? void 0 : DOCUMENTS[hash];
  if (hash === void 0 || text === void 0) {
    throw new Error("not a generated pawgraph document (see clients/operations)");
  }
  return { hash, text };
}
function isPersistedQueryNotFound(result) {
  return (result.errors ?? []).some(
    (error) => error.extensions?.["code"] === "PERSISTED_QUERY_NOT_FOUND"
  );
}
var PawgraphClient = class {
  constructor(options) {
    this.options = options;
  }
  options;
  ws;
  headers() {
    const headers = { "content-type": "application/json" };
    if (this.options.token) headers["authorization"] = `Bearer ${this.options.token}`;
    return headers;
  }
  async post(body) {
    const send = this.options.fetch ?? fetch;
    const response = await send(this.options.url, {
      method: "POST",
      headers: this.headers(),
      body: JSON.stringify(body)
    });
    return await response.json();
  }
  /** Runs a query or mutation; throws PawgraphError on GraphQL errors (a mutation's expected
   * failures are in its payload's `userErrors`, not here). */
  async request(document2, variables) {
    const { hash, text } = documentOf(document2);
    const mode = this.options.persisted ?? "apq";
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    let result;
    if (mode === "document") {
      result = await this.post({ query: text, variables });
    } else {
      result = await this.post({ variables, extensions });
      if (mode === "apq" && isPersistedQueryNotFound(result)) {
        result = await this.post({ query: text, variables, extensions });
      }
    }
    if (result.errors?.length) {
      throw new PawgraphError(result.errors[0].message, result.errors);
    }
    return result.data;
  }
  socket() {
    if (this.ws === void 0) {
      const url = this.options.wsUrl ?? this.options.url.replace(/^http/, "ws");
      const token = this.options.token;
      this.ws = createClient({
        url,
        webSocketImpl: this.options.webSocketImpl,
        connectionParams: token ? { Authorization: `Bearer ${token}` } : {}
      });
    }
    return this.ws;
  }
  /** A subscription's events, typed by its document, over graphql-transport-ws. */
  subscribe(document2, variables) {
    const { text } = documentOf(document2);
    return this.socket().iterate({
      query: text,
      variables
    });
  }
  async close() {
    await this.ws?.dispose();
  }
};

// src/dom.ts
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (typeof value === "boolean") element.toggleAttribute(name, value);
    else if (value !== void 0) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === void 0 || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}
function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}
function field(form, name) {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement || input instanceof HTMLSelectElement ? input.value : "";
}
function head(...titles) {
  return h("thead", {}, h("tr", {}, ...titles.map((title) => h("th", {}, title))));
}
function when(at) {
  return at ? new Date(at).toLocaleString() : "never";
}
function onlineLabel(online) {
  return h("span", { class: online ? "online" : "offline" }, online ? "online" : "offline");
}

// src/session.ts
var STORAGE_KEY = "pawgraph.session";
var current = null;
var client = null;
function graphqlUrl() {
  return new URL("/graphql", window.location.href).href;
}
function session() {
  if (current === null) {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    current = stored ? JSON.parse(stored) : null;
  }
  return current;
}
function signIn(next) {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  current = next;
  void client?.close();
  client = null;
}
function signOut() {
  window.sessionStorage.removeItem(STORAGE_KEY);
  current = null;
  void client?.close();
  client = null;
}
function api() {
  if (client === null) {
    client = new PawgraphClient({ url: graphqlUrl(), token: session()?.token, persisted: "apq" });
  }
  return client;
}
function isStaff() {
  const role = session()?.user.role;
  return role === "STAFF" || role === "ADMIN";
}
function showErrors(box, errors) {
  if (errors instanceof Error) {
    replace(box, h("div", { "data-testid": "error" }, errorText(errors)));
    return false;
  }
  replace(
    box,
    ...(errors ?? []).map(
      (error) => h(
        "div",
        { "data-testid": "user-error", "data-code": error.code },
        `${error.code}: ${error.message}`,
        error.field ? ` (${error.field})` : ""
      )
    )
  );
  return !errors || errors.length === 0;
}
function errorText(error) {
  if (error instanceof PawgraphError) {
    const code = error.errors[0]?.extensions?.["code"];
    return code ? `${String(code)}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
var Scope = class {
  closers = [];
  add(closer) {
    this.closers.push(closer);
  }
  close() {
    for (const closer of this.closers.splice(0)) closer();
  }
  /** Follows a subscription, calling `onData` for each event; errors go to `onError`. */
  follow(events, onData, onError) {
    let closed = false;
    this.add(() => {
      closed = true;
      void events.return?.();
    });
    void (async () => {
      try {
        for await (const event of events) {
          if (closed) break;
          if (event.errors?.length) onError(event.errors.map((e) => e.message).join("; "));
          else if (event.data) onData(event.data);
        }
      } catch (error) {
        if (!closed) onError(errorText(error));
      }
    })();
  }
  /** Listens to a window event until the view goes. */
  listen(name, listener) {
    window.addEventListener(name, listener);
    this.add(() => window.removeEventListener(name, listener));
  }
};

// src/events.ts
var ALERT_EVENT = "pawgraph:alert";
var NOTIFICATION_EVENT = "pawgraph:notification";
function badge(count) {
  return h("span", { class: "badge", "data-testid": "unread-badge", "data-count": count }, count);
}
function setBadge(count) {
  document.querySelector("[data-testid=unread-badge]")?.replaceWith(badge(count));
}
async function refreshBadge() {
  const { unreadNotificationCount } = await api().request(UnreadNotificationCountDocument, {});
  setBadge(unreadNotificationCount);
}

// src/views/alerts.ts
async function alertsView(view, scope) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const done = (payload) => showErrors(errors, payload.userErrors) ? load() : void 0;
  const failed = (error) => showErrors(errors, error);
  const acknowledge = (id) => api().request(AcknowledgeAlertDocument, { input: { id } }).then(({ acknowledgeAlert }) => done(acknowledgeAlert)).catch(failed);
  const clear = (id) => api().request(ClearAlertDocument, { input: { id } }).then(({ clearAlert }) => done(clearAlert)).catch(failed);
  const row = (alert) => h(
    "tr",
    { "data-testid": "alert", "data-alert-id": alert.id, "data-status": alert.status },
    h("td", {}, alert.kind),
    h("td", { "data-testid": "alert-status" }, alert.status),
    h(
      "td",
      {},
      alert.device ? h("a", { href: `#/device/${alert.device.id}` }, alert.device.name) : "—"
    ),
    h("td", {}, alert.message),
    h("td", { class: "muted" }, when(alert.raisedAt)),
    h(
      "td",
      {},
      alert.status === "ACTIVE" ? h(
        "button",
        {
          type: "button",
          "data-testid": "acknowledge",
          onclick: () => acknowledge(alert.id)
        },
        "Acknowledge"
      ) : null,
      alert.status !== "CLEARED" ? h(
        "button",
        { type: "button", "data-testid": "clear", onclick: () => clear(alert.id) },
        "Clear"
      ) : null
    )
  );
  const load = async () => {
    const { alerts } = await api().request(AlertsDocument, { first: 50 });
    replace(body, ...alerts.edges.map(({ node }) => row(node)));
  };
  await load();
  scope.listen(ALERT_EVENT, () => void load().catch(failed));
  replace(
    view,
    h(
      "section",
      { "data-testid": "alerts" },
      h("h2", {}, "Alerts"),
      errors,
      h(
        "table",
        {},
        head("Kind", "Status", "Device", "Message", "Raised", ""),
        body
      )
    )
  );
}

// src/views/sparkline.ts
var SVG = "http://www.w3.org/2000/svg";
var WIDTH = 300;
var HEIGHT = 60;
function sparkline(values) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("width", String(WIDTH));
  svg.setAttribute("height", String(HEIGHT));
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  svg.dataset["points"] = String(values.length);
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const line = document.createElementNS(SVG, "polyline");
  const point = (value, index) => {
    const y = HEIGHT - 4 - value / top * (HEIGHT - 8);
    return `${(index * step).toFixed(1)},${y.toFixed(1)}`;
  };
  line.setAttribute("points", values.map(point).join(" "));
  svg.append(line);
  return svg;
}

// src/views/status.ts
function statusLine(status) {
  if (!status) return "no status yet";
  switch (status.__typename) {
    case "FeederStatus": {
      const feeds = status.dailyFeeds ?? 0;
      return `hopper ${status.hopperPercent ?? "?"} %, ${feeds} feed${feeds === 1 ? "" : "s"} today`;
    }
    case "CollarStatus":
      return `battery ${status.batteryPercent ?? "?"} %, heart rate ${status.heartRate ?? "?"}`;
    case "OutletStatus":
      return `A ${status.relayA ? "on" : "off"} ${status.currentAMilliamps ?? "?"} mA, B ${status.relayB ? "on" : "off"} ${status.currentBMilliamps ?? "?"} mA` + (status.overload ? ", OVERLOAD" : "");
    case "HubStatus":
      return `breaker ${status.breakerCurrentMilliamps ?? "?"} mA`;
    case "BatteryStatus":
      return status.errorMessage ?? "ok";
    default:
      return "";
  }
}

// src/views/device.ts
async function loadDevice(id) {
  return (await api().request(DeviceByIdDocument, { id })).node;
}
async function deviceView(view, scope, id) {
  const node = await loadDevice(id).catch(() => null);
  if (!node || node.__typename !== "Device") {
    replace(view, h("section", { "data-testid": "not-found" }, h("h2", {}, "Device not found")));
    return;
  }
  const device = node;
  const online = h("span", { "data-testid": "device-online" }, onlineLabel(device.online));
  const status = h("span", { "data-testid": "device-status" }, statusLine(device.status));
  const seen = h("span", { "data-testid": "last-seen" }, when(device.lastSeenAt));
  const live = h("div", { class: "errors", "data-testid": "live-error" });
  scope.follow(
    api().subscribe(DeviceStatusDocument, { deviceId: device.id }),
    ({ deviceStatus }) => {
      replace(online, onlineLabel(deviceStatus.online));
      replace(status, statusLine(deviceStatus));
      replace(seen, when(deviceStatus.lastSeenAt ?? device.lastSeenAt));
    },
    (message) => replace(live, message)
  );
  const commands = await commandsPanel(scope, device.id, live);
  const panel = await kindPanel(scope, device, live);
  replace(
    view,
    h(
      "section",
      { "data-testid": "device", "data-device-id": device.id },
      h("h1", {}, device.name),
      h("p", {}, `${device.kind} ${device.hardwareId} — `, online, " — ", status),
      h("p", { class: "muted" }, "last seen ", seen),
      live
    ),
    panel,
    commands
  );
}
async function kindPanel(scope, device, live) {
  switch (device.kind) {
    case "OUTLET":
      return outletPanel(scope, device, live);
    case "HUB":
      return hubPanel(scope, device, live);
    case "FEEDER":
      return h("div", {}, feederPanel(device), await schedulesPanel(device));
    case "COLLAR":
      return collarPanel(device);
    default:
      return null;
  }
}
function describe(command, seen) {
  const history = command.transitions.map((transition) => transition.status).join(" → ");
  return h(
    "li",
    { "data-testid": "command", "data-command-id": command.id, "data-status": command.status },
    h("strong", {}, command.kind),
    ` ${JSON.stringify(command.args)} `,
    h("span", { "data-testid": "command-status" }, command.status),
    seen.length ? h("span", { "data-testid": "command-live" }, ` live: ${seen.join(" → ")}`) : "",
    h("span", { class: "muted" }, ` (${history})`),
    command.reason ? ` ${command.reason}` : ""
  );
}
async function commandsPanel(scope, deviceId, live) {
  const { commands } = await api().request(CommandsDocument, { deviceId, first: 10 });
  const list = h("ul", { class: "commands", "data-testid": "commands" });
  const known = /* @__PURE__ */ new Map();
  const render = () => replace(
    list,
    ...[...known.values()].sort((a, b) => b.command.createdAt.localeCompare(a.command.createdAt)).map(({ command, seen }) => describe(command, seen))
  );
  for (const { node } of commands.edges) known.set(node.id, { command: node, seen: [] });
  render();
  scope.follow(
    api().subscribe(CommandUpdatedDocument, { deviceId }),
    ({ commandUpdated }) => {
      const entry = known.get(commandUpdated.id) ?? { command: commandUpdated, seen: [] };
      entry.command = commandUpdated;
      entry.seen.push(commandUpdated.status);
      known.set(commandUpdated.id, entry);
      render();
    },
    (message) => replace(live, message)
  );
  return h("section", {}, h("h2", {}, "Commands"), list);
}
var SPARK_POINTS = 60;
function cutAllPowerButton(hubId, errors) {
  return h(
    "button",
    {
      type: "button",
      class: "danger",
      "data-testid": "cut-all-power",
      onclick: () => {
        api().request(CutAllPowerDocument, { input: { hubId } }).then(({ cutAllPower }) => showErrors(errors, cutAllPower.userErrors)).catch((error) => showErrors(errors, error));
      }
    },
    "Cut all power"
  );
}
async function outletPanel(scope, device, live) {
  const { outletState } = await api().request(OutletStateDocument, { outletId: device.id });
  if (!outletState) return null;
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const relays = { A: outletState.relayA ?? false, B: outletState.relayB ?? false };
  const currentA = h("span", { class: "reading", "data-testid": "current-a" });
  const currentB = h("span", { class: "reading", "data-testid": "current-b" });
  const overload = h("span", { class: "errors", "data-testid": "overload" });
  const chart = h("div", { "data-testid": "chart" });
  const history = [];
  const reading = (value, tripped) => value != null ? `${value} mA` : tripped ? "tripped" : "— mA";
  const showCurrents = (a, b, tripped = false) => {
    replace(currentA, `A ${reading(a, tripped)}`);
    replace(currentB, `B ${reading(b, tripped)}`);
  };
  showCurrents(
    outletState.currentAMilliamps,
    outletState.currentBMilliamps,
    outletState.overload ?? false
  );
  replace(overload, outletState.overload ? "OVERLOAD" : "");
  const relayButton = (socket) => {
    const button = h("button", { type: "button", "data-testid": `relay-${socket.toLowerCase()}` });
    const show = () => {
      button.className = relays[socket] ? "on" : "";
      button.dataset["on"] = String(relays[socket]);
      replace(button, `Relay ${socket}: ${relays[socket] ? "on" : "off"}`);
    };
    button.addEventListener("click", () => {
      const input = { outletId: device.id, socket, on: !relays[socket] };
      api().request(SetRelayDocument, { input }).then(({ setRelay }) => showErrors(errors, setRelay.userErrors)).catch((error) => showErrors(errors, error));
    });
    show();
    return { button, show };
  };
  const relayA = relayButton("A");
  const relayB = relayButton("B");
  scope.follow(
    api().subscribe(TelemetryUpdatedDocument, { deviceId: device.id }),
    ({ telemetryUpdated }) => {
      const values = new Map(telemetryUpdated.values.map(({ key, value }) => [key, value]));
      const a = values.get("current_a");
      const b = values.get("current_b");
      showCurrents(a, b, telemetryUpdated.overload ?? false);
      if (telemetryUpdated.relayA != null) relays.A = telemetryUpdated.relayA;
      if (telemetryUpdated.relayB != null) relays.B = telemetryUpdated.relayB;
      relayA.show();
      relayB.show();
      replace(overload, telemetryUpdated.overload ? "OVERLOAD" : "");
      history.push((a ?? 0) + (b ?? 0));
      history.splice(0, Math.max(0, history.length - SPARK_POINTS));
      replace(chart, sparkline(history));
    },
    (message) => replace(live, message)
  );
  const threshold = h(
    "form",
    { "data-testid": "threshold-form" },
    h("label", {}, "Threshold (mA) "),
    h("input", {
      name: "milliamps",
      type: "number",
      value: outletState.thresholdMilliamps ?? ""
    }),
    h("button", { type: "submit" }, "Set threshold")
  );
  threshold.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { outletId: device.id, milliamps: Number(field(threshold, "milliamps")) };
    api().request(SetThresholdDocument, { input }).then(({ setThreshold }) => showErrors(errors, setThreshold.userErrors)).catch((error) => showErrors(errors, error));
  });
  return h(
    "section",
    { "data-testid": "outlet-panel" },
    h("h2", {}, "Outlet"),
    h("div", { class: "readings" }, currentA, currentB, overload),
    chart,
    h("p", {}, relayA.button, " ", relayB.button),
    threshold,
    device.parentHub ? h("p", {}, cutAllPowerButton(device.parentHub.id, errors)) : null,
    errors
  );
}
async function hubPanel(scope, device, live) {
  const { hubState } = await api().request(HubStateDocument, { hubId: device.id });
  if (!hubState) return null;
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const breaker = h(
    "span",
    { class: "reading", "data-testid": "breaker" },
    `${hubState.breakerCurrentMilliamps ?? "—"} mA`
  );
  scope.follow(
    api().subscribe(TelemetryUpdatedDocument, { deviceId: device.id }),
    ({ telemetryUpdated }) => {
      const value = telemetryUpdated.values.find(({ key }) => key === "breaker_current");
      if (value) replace(breaker, `${value.value} mA`);
    },
    (message) => replace(live, message)
  );
  return h(
    "section",
    { "data-testid": "hub-panel" },
    h("h2", {}, "Hub"),
    h("p", {}, "Breaker ", breaker),
    h(
      "ul",
      {},
      ...hubState.outlets.map(
        (outlet) => h(
          "li",
          {},
          h("a", { href: `#/device/${outlet.outlet.id}` }, outlet.outlet.name),
          ` A ${outlet.relayA ? "on" : "off"}, B ${outlet.relayB ? "on" : "off"}`
        )
      )
    ),
    cutAllPowerButton(device.id, errors),
    errors
  );
}
function feederPanel(device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const form = h(
    "form",
    { "data-testid": "feed-form" },
    h("label", {}, "Grams "),
    h("input", { name: "grams", type: "number", value: 20 }),
    h("button", { type: "submit", "data-testid": "feed-now" }, "Feed now")
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { deviceId: device.id, grams: Number(field(form, "grams")) };
    api().request(FeedNowDocument, { input }).then(({ feedNow }) => showErrors(errors, feedNow.userErrors)).catch((error) => showErrors(errors, error));
  });
  return h("section", { "data-testid": "feeder-panel" }, h("h2", {}, "Feeder"), form, errors);
}
async function schedulesPanel(device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const failed = (error) => showErrors(errors, error);
  const load = async () => {
    const { feedingSchedules } = await api().request(FeedingSchedulesDocument, {
      deviceId: device.id,
      first: 50
    });
    replace(body, ...feedingSchedules.edges.map(({ node }) => row(node)));
  };
  const reloadUnless = (userErrors) => showErrors(errors, userErrors) ? load() : void 0;
  const row = (schedule) => h(
    "tr",
    { "data-testid": "schedule", "data-schedule-id": schedule.id },
    h("td", {}, schedule.time),
    h("td", {}, `${schedule.grams} g`),
    h("td", {}, schedule.daysOfWeek?.join(", ") ?? "every day"),
    h("td", {}, schedule.label ?? ""),
    h("td", {}, schedule.enabled ? "enabled" : "paused"),
    h(
      "td",
      {},
      h(
        "button",
        {
          type: "button",
          "data-testid": "schedule-toggle",
          onclick: () => api().request(UpdateFeedingScheduleDocument, {
            input: { id: schedule.id, enabled: !schedule.enabled }
          }).then(({ updateFeedingSchedule }) => reloadUnless(updateFeedingSchedule.userErrors)).catch(failed)
        },
        schedule.enabled ? "Pause" : "Resume"
      ),
      h(
        "button",
        {
          type: "button",
          "data-testid": "schedule-delete",
          onclick: () => api().request(DeleteFeedingScheduleDocument, { input: { id: schedule.id } }).then(({ deleteFeedingSchedule }) => reloadUnless(deleteFeedingSchedule.userErrors)).catch(failed)
        },
        "Delete"
      )
    )
  );
  const form = h(
    "form",
    { "data-testid": "schedule-form" },
    h("input", { name: "time", placeholder: "HH:MM", size: 6 }),
    h("input", { name: "grams", type: "number", value: 20 }),
    h("input", { name: "label", placeholder: "label" }),
    h("button", { type: "submit" }, "Add schedule")
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = {
      deviceId: device.id,
      time: field(form, "time"),
      grams: Number(field(form, "grams")),
      label: field(form, "label") || null
    };
    api().request(CreateFeedingScheduleDocument, { input }).then(({ createFeedingSchedule }) => reloadUnless(createFeedingSchedule.userErrors)).catch(failed);
  });
  await load();
  return h(
    "section",
    { "data-testid": "schedules" },
    h("h2", {}, "Schedules"),
    h("table", {}, body),
    form,
    errors
  );
}
function collarPanel(device) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const button = h(
    "button",
    {
      type: "button",
      "data-testid": "treat",
      onclick: () => {
        api().request(TreatDocument, { input: { deviceId: device.id } }).then(({ treat }) => showErrors(errors, treat.userErrors)).catch((error) => showErrors(errors, error));
      }
    },
    "Give a treat"
  );
  return h("section", { "data-testid": "collar-panel" }, h("h2", {}, "Collar"), button, errors);
}

// src/views/fleet.ts
var KINDS = ["FEEDER", "COLLAR", "HUB", "OUTLET", "BATTERY"];
async function fleetView(view, _scope) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const body = h("tbody", {});
  const total = h("span", { "data-testid": "fleet-total" });
  const form = h(
    "form",
    { "data-testid": "fleet-filter" },
    h(
      "select",
      { name: "kind" },
      h("option", { value: "" }, "any kind"),
      ...KINDS.map((kind) => h("option", { value: kind }, kind))
    ),
    h(
      "select",
      { name: "online" },
      h("option", { value: "" }, "online or not"),
      h("option", { value: "true" }, "online"),
      h("option", { value: "false" }, "offline")
    ),
    h("input", { name: "owner", placeholder: "owner id (User global id)" }),
    h("button", { type: "submit" }, "Filter")
  );
  const load = async () => {
    const kind = field(form, "kind");
    const online = field(form, "online");
    const owner = field(form, "owner").trim();
    const { devices } = await api().request(DevicesDocument, {
      kind: kind ? kind : null,
      online: online ? online === "true" : null,
      ownerId: owner || null,
      first: 100
    });
    replace(total, `${devices.totalCount} device(s)`);
    replace(
      body,
      ...devices.edges.map(
        ({ node }) => h(
          "tr",
          { "data-testid": "fleet-row", "data-device-id": node.id },
          h("td", {}, h("a", { href: `#/device/${node.id}` }, node.name)),
          h("td", {}, node.kind),
          h("td", {}, node.hardwareId),
          h("td", {}, onlineLabel(node.online)),
          h("td", {}, statusLine(node.status)),
          h("td", { class: "muted" }, when(node.lastSeenAt))
        )
      )
    );
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    replace(errors);
    load().catch(
      (error) => replace(errors, h("div", { "data-testid": "error" }, errorText(error)))
    );
  });
  replace(
    view,
    h(
      "section",
      { "data-testid": "fleet" },
      h("h2", {}, "Fleet "),
      total,
      form,
      errors,
      h(
        "table",
        {},
        head("Name", "Kind", "Hardware id", "Online", "Status", "Last seen"),
        body
      )
    )
  );
  await load();
}

// src/views/inbox.ts
async function inboxView(view, scope) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const list = h("ul", { "data-testid": "notifications" });
  const load = async () => {
    const { notifications } = await api().request(NotificationsDocument, {
      order: "NEWEST_FIRST",
      first: 50
    });
    replace(
      list,
      ...notifications.edges.map(
        ({ node }) => h(
          "li",
          { "data-testid": "notification", "data-read": String(node.read) },
          node.read ? node.text : h("strong", {}, node.text),
          h("span", { class: "muted" }, ` ${node.kind}, ${when(node.createdAt)}`)
        )
      )
    );
  };
  const markAll = h(
    "button",
    {
      type: "button",
      "data-testid": "mark-all-read",
      onclick: () => {
        api().request(MarkNotificationsReadDocument, { input: { all: true } }).then(({ markNotificationsRead }) => {
          if (!showErrors(errors, markNotificationsRead.userErrors)) return;
          setBadge(markNotificationsRead.unreadCount ?? 0);
          return load();
        }).catch((error) => showErrors(errors, error));
      }
    },
    "Mark all read"
  );
  await load();
  scope.listen(
    NOTIFICATION_EVENT,
    () => void load().catch((error) => showErrors(errors, error))
  );
  replace(
    view,
    h("section", { "data-testid": "inbox" }, h("h2", {}, "Inbox"), markAll, errors, list)
  );
}

// src/views/login.ts
function loginView(view, _scope, started, notice2 = null) {
  const errors = h("div", { class: "errors", "data-testid": "errors" });
  const form = h(
    "form",
    { class: "login", "data-testid": "login-form" },
    h("label", {}, "Email ", h("input", { name: "email", type: "email", required: true })),
    h(
      "label",
      {},
      "Password ",
      h("input", { name: "password", type: "password", required: true })
    ),
    h("button", { type: "submit" }, "Log in"),
    errors
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input = { email: field(form, "email"), password: field(form, "password") };
    api().request(LoginDocument, { input }).then(({ login }) => {
      if (!showErrors(errors, login.userErrors) || !login.accessToken || !login.user) return;
      signIn({ token: login.accessToken, user: login.user });
      if (!window.location.hash || window.location.hash === "#/login") {
        window.location.hash = "#/pets";
      }
      started();
    }).catch((error) => showErrors(errors, error));
  });
  replace(
    view,
    h(
      "section",
      {},
      h("h1", {}, "Log in"),
      notice2 ? h("p", { class: "errors", "data-testid": "notice" }, notice2) : null,
      form
    )
  );
}

// src/views/pets.ts
var LIVE_DEVICES = 25;
async function petsView(view, scope) {
  const [{ me }, { devices }] = await Promise.all([
    api().request(DashboardDocument, { pets: 50, devicesPerPet: 20 }),
    // The viewer's own devices (staff and admins see the whole fleet on the fleet page).
    api().request(DevicesDocument, { ownerId: session()?.user.id ?? null, first: 100 })
  ]);
  const pets = me?.pets?.edges.map((edge) => edge.node) ?? [];
  const live = h("div", { class: "errors", "data-testid": "live-error" });
  const rows = devices.edges.map(({ node: device }) => {
    const online = h("td", { "data-testid": "device-online" }, onlineLabel(device.online));
    const status = h("td", { "data-testid": "device-status" }, statusLine(device.status));
    const seen = h("td", { class: "muted" }, when(device.lastSeenAt));
    return {
      device,
      online,
      status,
      seen,
      row: h(
        "tr",
        { "data-testid": "device-row", "data-device-id": device.id },
        h("td", {}, h("a", { href: `#/device/${device.id}` }, device.name)),
        h("td", {}, device.kind),
        h("td", {}, device.pet?.name ?? "—"),
        online,
        status,
        seen
      )
    };
  });
  for (const row of rows.slice(0, LIVE_DEVICES)) {
    scope.follow(
      api().subscribe(DeviceStatusDocument, { deviceId: row.device.id }),
      ({ deviceStatus }) => {
        row.row.dataset["live"] = "true";
        replace(row.online, onlineLabel(deviceStatus.online));
        replace(row.status, statusLine(deviceStatus));
        replace(row.seen, when(deviceStatus.lastSeenAt));
      },
      (message) => replace(live, message)
    );
  }
  replace(
    view,
    h(
      "section",
      { "data-testid": "pets" },
      h("h2", {}, "Pets"),
      pets.length === 0 ? h("p", { class: "muted" }, "No pets yet.") : null,
      ...pets.map(
        (pet) => h(
          "div",
          { "data-testid": "pet" },
          h("h3", {}, `${pet.name} (${pet.species.toLowerCase()})`),
          pet.devices.totalCount === 0 ? h("p", { class: "muted" }, "No devices.") : null,
          h(
            "ul",
            {},
            ...pet.devices.edges.map(
              ({ node }) => h(
                "li",
                {},
                h("a", { href: `#/device/${node.id}` }, node.name),
                ` ${node.kind} `,
                onlineLabel(node.online),
                node.openAlerts.length ? ` — ${node.openAlerts.length} open alert(s)` : ""
              )
            )
          )
        )
      )
    ),
    h(
      "section",
      { "data-testid": "devices" },
      h("h2", {}, `Devices (${devices.totalCount})`),
      live,
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Name", "Kind", "Pet", "Online", "Status", "Last seen"].map((t) => h("th", {}, t))
          )
        ),
        h("tbody", {}, ...rows.map((row) => row.row))
      )
    )
  );
}

// src/main.ts
var notice = null;
var viewScope = new Scope();
var appScope = new Scope();
function renderHeader() {
  const top = document.getElementById("top");
  const signedIn = session();
  if (signedIn === null) {
    replace(top, h("strong", {}, "pawgraph"));
    return;
  }
  replace(
    top,
    h("strong", {}, "pawgraph"),
    h("a", { href: "#/pets" }, "Pets & devices"),
    h("a", { href: "#/alerts" }, "Alerts"),
    h("a", { href: "#/inbox", "data-testid": "inbox-link" }, "Inbox ", badge(0)),
    isStaff() ? h("a", { href: "#/fleet" }, "Fleet") : null,
    h("span", { class: "who", "data-testid": "who" }, signedIn.user.email),
    h(
      "button",
      {
        type: "button",
        "data-testid": "log-out",
        onclick: () => {
          void api().request(LogoutDocument, { input: {} }).catch(() => null).finally(() => {
            signOut();
            start();
          });
        }
      },
      "Log out"
    )
  );
}
function showBanner(text) {
  const banner = document.getElementById("banner");
  banner.hidden = false;
  replace(banner, text);
}
function followUser() {
  appScope.close();
  appScope = new Scope();
  if (session() === null) return;
  appScope.follow(
    api().subscribe(AlertRaisedDocument, {}),
    ({ alertRaised }) => {
      showBanner(`${alertRaised.kind}: ${alertRaised.message}`);
      window.dispatchEvent(new CustomEvent(ALERT_EVENT, { detail: alertRaised }));
    },
    (message) => showBanner(`alerts stream: ${message}`)
  );
  appScope.follow(
    api().subscribe(NotificationReceivedDocument, {}),
    ({ notificationReceived }) => {
      void refreshBadge();
      window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: notificationReceived }));
    },
    (message) => showBanner(`notifications stream: ${message}`)
  );
  refreshBadge().catch((error) => showBanner(errorText(error)));
}
function route() {
  viewScope.close();
  viewScope = new Scope();
  const view = document.getElementById("view");
  const [name, id] = window.location.hash.replace(/^#\/?/, "").split("/");
  if (session() === null) {
    loginView(view, viewScope, start, notice);
    notice = null;
    return;
  }
  const render = () => {
    switch (name) {
      case "device":
        return deviceView(view, viewScope, decodeURIComponent(id ?? ""));
      case "alerts":
        return alertsView(view, viewScope);
      case "inbox":
        return inboxView(view, viewScope);
      case "fleet":
        return fleetView(view, viewScope);
      default:
        return petsView(view, viewScope);
    }
  };
  render().catch((error) => {
    if (sessionEnded(error)) {
      signOut();
      notice = "Your session has ended: log in again.";
      start();
      return;
    }
    replace(view, h("p", { class: "errors", "data-testid": "error" }, errorText(error)));
  });
}
function sessionEnded(error) {
  return error instanceof PawgraphError && error.errors.some((e) => e.extensions?.["code"] === "NOT_AUTHENTICATED");
}
function start() {
  renderHeader();
  followUser();
  route();
}
window.addEventListener("hashchange", route);
start();
export {
  start
};
