//! `bank quiz my-quiz.toml -o my-quiz.json`: compiles a blogger's own quiz (content/README.md,
//! "Your own quiz") into the file their blog serves. A module of the `bank` binary only: the
//! library's `compile_quiz` stays free of the file system.

use bank_compiler::compile_quiz;
use std::fs;

const USAGE: &str = "usage: bank quiz <quiz.toml> -o <quiz.json>";

/// Exit code: 0 written, 1 problems in the quiz (each printed as `file:line: message`) or an
/// I/O error, 2 bad arguments.
pub fn run(args: &[String]) -> i32 {
    let (input, output) = match args {
        [input, flag, output] | [flag, output, input] if flag == "-o" => (input, output),
        _ => {
            eprintln!("{USAGE}");
            return 2;
        }
    };
    let text = match fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{input}: cannot read: {e}");
            return 1;
        }
    };
    let json = match compile_quiz(input, &text) {
        Ok(json) => json,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} problem(s); nothing written", errors.len());
            return 1;
        }
    };
    if let Err(e) = fs::write(output, &json) {
        eprintln!("{output}: cannot write: {e}");
        return 1;
    }
    println!("wrote {output} ({} bytes)", json.len());
    0
}
