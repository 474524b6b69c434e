from pucli.cli.app import main

main()
