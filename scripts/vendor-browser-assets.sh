#!/bin/sh
# Re-vendors the browser assets pawgraph serves itself (GraphiQL with its explorer plugin at
# /graphql, Swagger UI at /docs, ReDoc at /redoc) into graphql_api/static/, from the npm
# registry at the pinned versions below. The files are committed: a clone runs offline and never
# fetches anything at run time. Run it only to change a version (then commit the result).
set -eu

REACT=18.2.0
GRAPHIQL=3.8.3
EXPLORER=1.0.2
SWAGGER_UI=5.35.0
REDOC=2.5.2

root=$(cd "$(dirname "$0")/.." && pwd)
static="$root/graphql_api/static"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unpack() {  # unpack <package@version> <directory>
    (cd "$work" && npm pack --silent "$1" >/dev/null)
    mkdir -p "$work/$2"
    tar xzf "$work"/$(cd "$work" && ls -t ./*.tgz | head -1) -C "$work/$2" --strip-components=1
    rm "$work"/*.tgz
}

unpack "react@$REACT" react
unpack "react-dom@$REACT" react-dom
unpack "graphiql@$GRAPHIQL" graphiql
unpack "@graphiql/plugin-explorer@$EXPLORER" explorer
unpack "swagger-ui-dist@$SWAGGER_UI" swagger-ui
unpack "redoc@$REDOC" redoc

rm -rf "$static/graphiql" "$static/swagger-ui" "$static/redoc"
mkdir -p "$static/graphiql" "$static/swagger-ui" "$static/redoc"

cp "$work/react/umd/react.production.min.js" "$static/graphiql/react.production.min.js"
cp "$work/react/LICENSE" "$static/graphiql/LICENSE.react"
cp "$work/react-dom/umd/react-dom.production.min.js" "$static/graphiql/react-dom.production.min.js"
cp "$work/react-dom/LICENSE" "$static/graphiql/LICENSE.react-dom"
cp "$work/graphiql/graphiql.min.js" "$work/graphiql/graphiql.min.css" "$static/graphiql/"
cp "$work/graphiql/LICENSE" "$static/graphiql/LICENSE.graphiql"
cp "$work/explorer/dist/index.umd.js" "$static/graphiql/plugin-explorer.umd.js"
cp "$work/explorer/dist/style.css" "$static/graphiql/plugin-explorer.css"
# The explorer package ships no LICENSE file; its package.json says MIT.
cp "$work/explorer/package.json" "$static/graphiql/package.plugin-explorer.json"

cp "$work/swagger-ui/swagger-ui-bundle.js" "$work/swagger-ui/swagger-ui.css" \
   "$work/swagger-ui/favicon-32x32.png" "$work/swagger-ui/LICENSE" "$work/swagger-ui/NOTICE" \
   "$static/swagger-ui/"

cp "$work/redoc/bundles/redoc.standalone.js" "$work/redoc/bundles/redoc.standalone.js.LICENSE.txt" \
   "$work/redoc/LICENSE" "$static/redoc/"

cat > "$static/VERSIONS" <<VERSIONS
react $REACT
react-dom $REACT
graphiql $GRAPHIQL
@graphiql/plugin-explorer $EXPLORER
swagger-ui-dist $SWAGGER_UI
redoc $REDOC
VERSIONS
# ReDoc's sidebar shows Redocly's logo from their CDN; an empty source makes it hide itself.
sed -i 's#src:"https://cdn.redoc.ly/redoc/logo-mini.svg"#src:""#' "$static/redoc/redoc.standalone.js"
if grep -q "cdn.redoc.ly" "$static/redoc/redoc.standalone.js"; then
    echo "redoc.standalone.js still links to cdn.redoc.ly" >&2
    exit 1
fi
# Source maps are left out: the browser would request them, and they are not needed to run.
sed -i '/^\/\/# sourceMappingURL=/d' "$static"/*/*.js
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$static"/*/*.css
echo "vendored into $static:"
cat "$static/VERSIONS"
