// Reads an EDMX 1.0 (OData V1-V3) $metadata document with the npm package odata2openapi, a parser of V2/V3
// metadata, and prints what it understood as JSON for MetadataSchemaTest. Exit code 2 when it cannot parse it.
const { parse } = require('odata2openapi');
const xml = require('fs').readFileSync(process.argv[2], 'utf8');
parse(xml).then(service => {
  console.log(JSON.stringify({
    version: service.version,
    entitySets: service.entitySets.map(set => ({
      name: set.name,
      type: set.namespace + '.' + set.entityType.name,
      key: set.entityType.key.map(k => k.name),
      properties: Object.fromEntries(set.entityType.properties.map(p => [p.name, p.type])),
    })),
  }));
}).catch(e => { console.error('PARSE FAILED: ' + e.message); process.exit(2); });
