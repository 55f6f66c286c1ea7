//! The `rapporteur` command: parse the arguments, run the library, map the outcome to an
//! exit status (0 success, 1 invalid content, 2 usage or I/O failure).

use std::process::ExitCode;

fn main() -> ExitCode {
    rapporteur::cli::main()
}
