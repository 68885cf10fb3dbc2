// PE loaders: process injection with a writable+executable layout, and .NET loaders whose
// metadata names shellcode or injection alongside the APIs that run it.

import "pe"

rule pe_rwx_process_injection
{
    meta:
        id = "yara.pe.rwx_process_injection"
        score = 400
        attack = "T1055, T1027.002"
        description = "PE with a read-write-execute section that imports remote allocation, write and thread start"
        author = "payload-inspector"
    condition:
        pe.is_pe
        and for any section in pe.sections : (
            section.characteristics & pe.SECTION_MEM_EXECUTE and section.characteristics & pe.SECTION_MEM_WRITE
        )
        and pe.imports(/^kernel32\.dll$/i, /^VirtualAllocEx$/) > 0
        and pe.imports(/^kernel32\.dll$/i, /^WriteProcessMemory$/) > 0
        and pe.imports(/^(kernel32|ntdll)\.dll$/i, /^(CreateRemoteThread(Ex)?|QueueUserAPC|SetThreadContext|NtUnmapViewOfSection)$/) > 0
}

rule pe_dotnet_suspicious_loader
{
    meta:
        id = "yara.pe.dotnet_loader"
        score = 350
        attack = "T1620, T1055"
        description = ".NET assembly whose names speak of shellcode or injection and that allocates or loads code at run time"
        author = "payload-inspector"
    strings:
        $name1 = "Shellcode" ascii nocase
        $name2 = "Inject" ascii
        $name3 = "Stager" ascii
        $name4 = "ReflectiveLoad" ascii nocase
        $name5 = "ProcessHollow" ascii nocase
        $name6 = "AmsiBypass" ascii nocase
        $api1 = "VirtualAlloc" ascii
        $api2 = "CreateThread" ascii
        $api3 = "FromBase64String" ascii
        $api4 = "WriteProcessMemory" ascii
        $api5 = "GetDelegateForFunctionPointer" ascii
    condition:
        pe.is_pe
        and pe.data_directories[pe.IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR].virtual_address != 0
        and any of ($name*) and 2 of ($api*)
}
