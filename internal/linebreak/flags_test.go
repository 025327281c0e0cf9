package linebreak

import _ "jianbao/internal/golden" // defines -update for `go test ./... -update`
