// PE packers and protectors, recognised through the YARA `pe` module's section table.
// The PE analyzer reports the same section names as facts (pe.packer.*); these rules add the
// evidence that the layout is really packed (the UPX! marker, the protector's virtual layout),
// so an operator's own rules can key on them too.

import "pe"

rule pe_upx_packed
{
    meta:
        id = "yara.pe.upx_packed"
        score = 150
        attack = "T1027.002"
        description = "UPX-packed PE: UPX0/UPX1 sections with the UPX! header marker"
        author = "payload-inspector"
    strings:
        $marker = "UPX!"
    condition:
        pe.is_pe
        and for any section in pe.sections : ( section.name == "UPX0" or section.name == "UPX1" )
        and $marker in (0 .. 0x1000)
}

rule pe_protector_sections
{
    meta:
        id = "yara.pe.protector"
        score = 200
        attack = "T1027.002"
        description = "PE protected by Themida, VMProtect or Enigma (anti-analysis virtualisation)"
        author = "payload-inspector"
    condition:
        pe.is_pe
        and for any section in pe.sections : (
            section.name == ".themida" or section.name == ".winlice"
            or section.name == ".vmp0" or section.name == ".vmp1"
            or section.name == ".enigma1" or section.name == ".enigma2"
        )
}
