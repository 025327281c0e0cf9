module jianbao

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0
	github.com/go-text/typesetting v0.3.5
	github.com/spf13/cobra v1.10.2
	golang.org/x/image v0.48.0
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
)
